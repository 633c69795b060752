"""Evidence for an entry: web links and uploaded files.

Files pass the portal's one upload check (common.uploads.accept_upload): the type comes from the
content, a name claiming another type is refused, hidden details that could identify the author are
removed and only the cleaned copy is kept, under MEDIA_ROOT with a random name, served only by a view
that checks permission, and fingerprinted (SHA-256 of the cleaned copy).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat

from common.uploads import KINDS, accept_upload, sniff_type

from ..models import ComplianceEntry, EvidenceFile
from .guards import check_body_may_change

# Content type → extension for the types evidence may be: PDF, Office documents, images, text. Word,
# Excel and PowerPoint files from before 2007 (.doc, .xls, .ppt) are refused: their hidden
# properties cannot be removed (common.uploads says how to save them instead).
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "text/plain": "txt",
    "text/csv": "csv",
}
MAX_LINKS = 20

FILE_TOO_LARGE = "The file must be smaller than {limit}."
FILE_EMPTY = "The selected file is empty."
FILE_TYPE_NOT_ALLOWED = (
    "The file must be a PDF, an Office document (Word, Excel, PowerPoint or OpenDocument), "
    "an image (PNG, JPEG, GIF or WebP) or plain text (.txt or .csv)."
)
LINK_INVALID = "Enter a full web address starting with https:// or http:// (line {line})."
TOO_MANY_LINKS = "Give at most {limit} links; put the rest in a document."


def evidence_max_bytes() -> int:
    return getattr(settings, "EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


def validate_links(links: list[str]) -> list[str]:
    check = URLValidator(schemes=["http", "https"])
    cleaned = [link.strip() for link in links if link.strip()]
    if len(cleaned) > MAX_LINKS:
        raise ValidationError(TOO_MANY_LINKS.format(limit=MAX_LINKS))
    for line, link in enumerate(cleaned, start=1):
        try:
            check(link)
        except ValidationError:
            raise ValidationError(LINK_INVALID.format(line=line)) from None
    return cleaned


def detect_content_type(upload) -> str | None:
    """The file's type from its first bytes; None when it is none of the allowed types."""
    return sniff_type(upload, ALLOWED_TYPES, text=True)


@transaction.atomic
def evidence_file_add(*, entry: ComplianceEntry, user, upload) -> EvidenceFile:
    check_body_may_change(entry.compliance_return)
    limit = evidence_max_bytes()
    if upload.size > limit:
        raise ValidationError({"file": FILE_TOO_LARGE.format(limit=filesizeformat(limit))})
    if upload.size == 0:
        raise ValidationError({"file": FILE_EMPTY})
    accepted = accept_upload(upload, accepted=ALLOWED_TYPES, not_accepted=FILE_TYPE_NOT_ALLOWED)
    evidence = EvidenceFile(
        entry=entry,
        original_name=accepted.name,
        content_type=accepted.content_type,
        size=accepted.size,
        sha256=accepted.sha256,
        uploaded_by=user,
    )
    evidence._history_user = user
    evidence.file.save(f"evidence.{accepted.extension}", accepted.as_file(), save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_file_remove(*, evidence: EvidenceFile, user) -> None:
    check_body_may_change(evidence.entry.compliance_return)
    name, storage = evidence.file.name, evidence.file.storage
    evidence._history_user = user
    evidence.delete()
    # Delete the stored file only once the row is surely gone.
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def evidence_file_copy(*, source: EvidenceFile, entry: ComplianceEntry) -> EvidenceFile | None:
    """Copy last year's file into this year's entry (its own stored copy, so removing one never
    removes the other). A file missing from storage is skipped."""
    storage, name = source.file.storage, source.file.name
    if not name or not storage.exists(name):
        return None
    copy = EvidenceFile(
        entry=entry,
        original_name=source.original_name,
        content_type=source.content_type,
        size=source.size,
        sha256=source.sha256,
        uploaded_by=source.uploaded_by,
        uploaded_at=source.uploaded_at,
    )
    with storage.open(name, "rb") as handle:
        # Files kept before .doc, .xls and .ppt were refused keep their type.
        extension = KINDS[source.content_type].extension if source.content_type in KINDS else "bin"
        copy.file.save(f"evidence.{extension}", File(handle), save=False)
    copy.save()
    return copy
