"""Messages, internal notes and files on a complaint."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from common.uploads import TEXT, AcceptedFile, accept_upload

from .. import ratelimit
from ..models import Audience, Complaint, ComplaintFile, EventKind, Party
from .common import record

MESSAGE_NEEDED = "Enter your message."
NOTE_NEEDED = "Enter the note."
STEERING_ONLY_NOTE = "Only the steering group can keep a note from the body complained about."
FILE_TOO_BIG = "The file must be smaller than {size} MB."
FILE_EMPTY = "The selected file is empty."
FILE_TYPE = (
    "The file must be a PDF, Word or OpenDocument document, spreadsheet, JPG, PNG or plain text file (.txt or .csv)."
)
TOO_MANY_FILES = "You can add up to {count} files to a complaint."
TOO_MANY_FILES_TODAY = (
    "You can add up to {count} files a day without signing in. Try again tomorrow, or sign in to add more."
)
CLOSED = "This complaint is closed."

MAX_FILES = 10
# Recognised from the file's first bytes (never from its name); text is stored as .txt or .csv.
ALLOWED_TYPES = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    TEXT,
)


def new_draft_key() -> str:
    return secrets.token_urlsafe(24)


def _accepted(upload) -> AcceptedFile:
    """The cleaned copy of an acceptable upload (common.uploads: type from content, name checked,
    hidden details such as the author removed), or ValidationError."""
    limit = getattr(settings, "EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
    if upload.size == 0:
        raise ValidationError({"file": FILE_EMPTY})
    if upload.size > limit:
        raise ValidationError({"file": FILE_TOO_BIG.format(size=limit // (1024 * 1024))})
    return accept_upload(upload, accepted=ALLOWED_TYPES, not_accepted=FILE_TYPE)


def stored_upload(upload, *, party: str, user=None, complaint=None, draft_key: str = "") -> ComplaintFile:
    accepted = _accepted(upload)
    file = ComplaintFile(
        complaint=complaint,
        draft_key=draft_key,
        original_name=accepted.name,
        content_type=accepted.content_type,
        size=accepted.size,
        uploaded_by=user if user is not None and user.is_authenticated else None,
        uploaded_by_party=party,
    )
    # Only the cleaned copy is ever written to storage.
    file.file.save("upload", accepted.as_file(), save=False)
    file.save()
    return file


@transaction.atomic
def draft_file_add(*, draft_key: str, upload, user=None, address: str = "") -> ComplaintFile:
    """Add a file to a complaint still being written. Visitors who are not signed in share a daily
    quota per address (`address`, the client address the view counted), so that nobody can fill
    the server's storage by starting draft after draft."""
    if ComplaintFile.objects.filter(draft_key=draft_key, complaint__isnull=True).count() >= MAX_FILES:
        raise ValidationError({"file": TOO_MANY_FILES.format(count=MAX_FILES)})
    if user is not None and user.is_authenticated:
        return stored_upload(upload, party=Party.COMPLAINANT, user=user, draft_key=draft_key)
    address = address or "unknown"
    if not ratelimit.take_draft_file_slot(address):
        raise ValidationError({"file": TOO_MANY_FILES_TODAY.format(count=ratelimit.anonymous_files_per_day())})
    try:
        return stored_upload(upload, party=Party.COMPLAINANT, user=user, draft_key=draft_key)
    except ValidationError:
        ratelimit.give_back_draft_file_slot(address)
        raise


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
