"""Evidence for an entry: web links and uploaded files.

Files are checked by their content, not their name (common.uploads.sniff_type: magic bytes, and
plain text recognised as UTF-8 without control characters), kept under MEDIA_ROOT with a random
name, served only by a view that checks permission, and fingerprinted with SHA-256.
"""

import hashlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat

from common.uploads import sniff_type

from ..models import ComplianceEntry, EvidenceFile
from .guards import check_body_may_change

# Content type → extension for the types evidence may be: PDF, Office documents, images, text.
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "text/plain": "txt",
}
MAX_LINKS = 20

FILE_TOO_LARGE = "The file must be smaller than {limit}."
FILE_EMPTY = "The selected file is empty."
FILE_TYPE_NOT_ALLOWED = "The file must be a PDF, an Office document (Word, Excel, PowerPoint or OpenDocument), an image (PNG, JPEG, GIF or WebP) or plain text."
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
    content_type = detect_content_type(upload)
    if content_type is None:
        raise ValidationError({"file": FILE_TYPE_NOT_ALLOWED})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    original_name = PurePosixPath(upload.name.replace("\\", "/")).name[:255] or "evidence"
    evidence = EvidenceFile(
        entry=entry,
        original_name=original_name,
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=user,
    )
    evidence._history_user = user
    evidence.file.save(f"evidence.{ALLOWED_TYPES[content_type]}", File(upload), save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_file_remove(*, evidence: EvidenceFile, user) -> None:
    check_body_may_change(evidence.entry.compliance_return)
    name, storage = evidence.file.name, evidence.file.storage
    evidence._history_user = user
    evidence.delete()
    # Delete the stored file only once the row is surely gone.
    transaction.on_commit(lambda: storage.delete(name))


def evidence_file_copy(*, source: EvidenceFile, entry: ComplianceEntry) -> EvidenceFile | None:
    """Copy last year's file into this year's entry (its own stored copy, so removing one never
    removes the other). A file missing from storage is skipped."""
    storage = source.file.storage
    if not storage.exists(source.file.name):
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
    with storage.open(source.file.name, "rb") as handle:
        copy.file.save(f"evidence.{ALLOWED_TYPES.get(source.content_type, 'bin')}", File(handle), save=False)
    copy.save()
    return copy
