"""Messages, internal notes and files on a complaint."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from common.uploads import TEXT, sniff_type

from ..models import Audience, Complaint, ComplaintFile, EventKind, Party
from .common import record

MESSAGE_NEEDED = "Enter your message."
NOTE_NEEDED = "Enter the note."
STEERING_ONLY_NOTE = "Only the steering group can keep a note from the body complained about."
FILE_TOO_BIG = "The file must be smaller than {size} MB."
FILE_EMPTY = "The selected file is empty."
FILE_TYPE = "The file must be a PDF, Word or OpenDocument document, spreadsheet, JPG, PNG or plain text file."
TOO_MANY_FILES = "You can add up to {count} files to a complaint."
CLOSED = "This complaint is closed."

MAX_FILES = 10
# Kinds recognised from the file's first bytes (never from its name); plain text is checked apart.
_ALLOWED_KINDS = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
_EXTENSIONS = {mime: extension for extension, mime in _ALLOWED_KINDS.items()}


def new_draft_key() -> str:
    return secrets.token_urlsafe(24)


def _checked(upload) -> tuple[str, str]:
    """(extension, content type) of an acceptable upload, or ValidationError."""
    limit = getattr(settings, "EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
    if upload.size == 0:
        raise ValidationError({"file": FILE_EMPTY})
    if upload.size > limit:
        raise ValidationError({"file": FILE_TOO_BIG.format(size=limit // (1024 * 1024))})
    # Plain text only when the name says so too, as before; the other kinds by content alone.
    mime = sniff_type(upload, _ALLOWED_KINDS.values(), text=upload.name.lower().endswith(".txt"))
    if mime == TEXT:
        return "txt", TEXT
    if mime is not None:
        return _EXTENSIONS[mime], mime
    raise ValidationError({"file": FILE_TYPE})


def stored_upload(upload, *, party: str, user=None, complaint=None, draft_key: str = "") -> ComplaintFile:
    extension, content_type = _checked(upload)
    stem = upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0][:200] or "file"
    file = ComplaintFile(
        complaint=complaint,
        draft_key=draft_key,
        original_name=f"{stem}.{extension}",
        content_type=content_type,
        size=upload.size,
        uploaded_by=user if user is not None and user.is_authenticated else None,
        uploaded_by_party=party,
    )
    file.file.save("upload", upload, save=False)
    file.save()
    return file


@transaction.atomic
def draft_file_add(*, draft_key: str, upload, user=None) -> ComplaintFile:
    if ComplaintFile.objects.filter(draft_key=draft_key, complaint__isnull=True).count() >= MAX_FILES:
        raise ValidationError({"file": TOO_MANY_FILES.format(count=MAX_FILES)})
    return stored_upload(upload, party=Party.COMPLAINANT, user=user, draft_key=draft_key)


@transaction.atomic
def draft_file_remove(*, draft_key: str, file_id: int) -> None:
    file = ComplaintFile.objects.filter(pk=file_id, draft_key=draft_key, complaint__isnull=True).first()
    if file is not None:
        file.file.delete(save=False)
        file.delete()


@transaction.atomic
def complaint_file_add(*, complaint: Complaint, upload, party: str, user=None) -> ComplaintFile:
    if not complaint.is_open:
        raise ValidationError(CLOSED)
    if complaint.files.count() >= MAX_FILES:
        raise ValidationError({"file": TOO_MANY_FILES.format(count=MAX_FILES)})
    file = stored_upload(upload, party=party, user=user, complaint=complaint)
    record(complaint, kind=EventKind.FILE_ADDED, party=party, actor=file.uploaded_by, file=file, notify=False)
    return file


@transaction.atomic
def complaint_message(*, complaint: Complaint, text: str, party: str, user=None):
    """A message between the complainant and whoever handles the complaint; everyone on the
    complaint can read it, and it is emailed to the other side."""
    if not complaint.is_open:
        raise ValidationError(CLOSED)
    if not text.strip():
        raise ValidationError({"text": MESSAGE_NEEDED})
    signed_in = user if user is not None and user.is_authenticated else None
    return record(complaint, kind=EventKind.MESSAGE, party=party, actor=signed_in, text=text.strip())


@transaction.atomic
def complaint_note(*, complaint: Complaint, text: str, party: str, user, audience: str = Audience.INTERNAL):
    """An internal note, never shown to the complainant. The steering group may keep one from the
    body too (for example, to discuss who complained)."""
    if not text.strip():
        raise ValidationError({"text": NOTE_NEEDED})
    if audience == Audience.STEERING and party != Party.STEERING:
        raise ValidationError({"audience": STEERING_ONLY_NOTE})
    if audience == Audience.EVERYONE:
        audience = Audience.INTERNAL
    return record(
        complaint, kind=EventKind.NOTE, party=party, actor=user, text=text.strip(), audience=audience, notify=False
    )
