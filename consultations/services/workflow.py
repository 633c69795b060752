"""Creating a consultation and moving it through draft → open → closed → response published."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from common.uploads import accept_upload
from organisations.models import Organisation, Sector

from ..models import STANDARD_LENGTH, Assessment, Comment, Consultation, ConsultationEvent, ConsultationSection, Status
from .invitations import queue_invitation_emails

SHORTER_REASON_REQUIRED = "This consultation is shorter than 12 weeks. Say why it has to be shorter."
CLOSES_BEFORE_OPENS = "The closing date must be after the opening date."
ASSESSMENT_REASON_REQUIRED = "Say why an equality impact assessment is not needed."
OWNER_NOT_PUBLIC_BODY = "Only a public body can run a consultation."
NOT_DRAFT = "Only a draft consultation can be opened."
NOT_EDITABLE = "A consultation can be changed only while it is a draft or open."
NOTHING_TO_COMMENT_ON = "Add the document or at least one section before opening the consultation."
CLOSES_IN_PAST = "The closing date has passed. Change the closing date before opening the consultation."
CLOSES_NOT_SET = "Enter a closing date before opening the consultation."
NOT_OPEN = "Only an open consultation can be closed."
NOT_CLOSED = "The response can be published only once the consultation has closed."
SECTION_REF_TAKEN = "This consultation already has a section {ref}."
EVENT_OUTSIDE = "Events must be held while the consultation is open, between its opening and closing dates."
DOCUMENT_TYPE = "The document must be a PDF, Word or OpenDocument file."
DOCUMENT_TOO_BIG = "The document must be smaller than {size} MB."
DOCUMENT_EMPTY = "The selected document is empty."
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
# Recognised from the file's first bytes, never from its name. MIME type → extension of the
# documents a consultation may offer. Word files from before 2007 (.doc) are refused: their hidden
# properties cannot be removed.
DOCUMENT_KINDS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
SLUG_TAKEN = "Another consultation already uses this web address."

EDITABLE_FIELDS = {
    "title",
    "summary",
    "document",
    "stage",
    "opens",
    "closes",
    "shorter_reason",
    "languages",
    "easy_read",
    "large_print",
    "audio",
    "interpreters",
    "expenses",
    "expenses_details",
    "access_email",
    "access_phone",
    "equality_assessment",
    "equality_assessment_reason",
    "code",
}


def _checked_document(upload):
    """A document a person can open safely: PDF, Word or OpenDocument by content, its name not
    claiming another type, its hidden details (author, company) removed (common.uploads). Returns
    the cleaned copy to store; anything that is not a new upload is returned as it is."""
    if upload is None or not hasattr(upload, "size") or getattr(upload, "_committed", False):
        return upload  # nothing new uploaded
    if upload.size == 0:
        raise ValidationError({"document": DOCUMENT_EMPTY})
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError({"document": DOCUMENT_TOO_BIG.format(size=DOCUMENT_MAX_BYTES // (1024 * 1024))})
    accepted = accept_upload(upload, accepted=DOCUMENT_KINDS, not_accepted=DOCUMENT_TYPE, field="document")
    stem = slugify(accepted.name.rsplit(".", 1)[0])[:80] or "document"
    return ContentFile(accepted.content, name=f"{stem}.{accepted.extension}")


def _check_rules(consultation: Consultation) -> None:
    errors = {}
    opens, closes = consultation.opens, consultation.closes
    # Both are required on the forms; a consultation loaded from a source may have neither recorded.
    if opens is None or closes is None:
        pass
    elif closes <= opens:
        errors["closes"] = CLOSES_BEFORE_OPENS
    elif closes - opens < STANDARD_LENGTH and not consultation.shorter_reason.strip():
        errors["shorter_reason"] = SHORTER_REASON_REQUIRED
    if (
        consultation.equality_assessment == Assessment.NOT_NEEDED
        and not consultation.equality_assessment_reason.strip()
    ):
        errors["equality_assessment_reason"] = ASSESSMENT_REASON_REQUIRED
    if errors:
        raise ValidationError(errors)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "consultation"
    if base == "new":  # "new" is the address of the create page
        base = "new-consultation"
    slug, n = base, 2
    while Consultation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def consultation_create(
    *,
    owner: Organisation,
    user,
    title: str,
    summary: str,
    stage: str,
    opens: date,
    closes: date,
    slug: str = "",
    **fields,
) -> Consultation:
    if owner.sector != Sector.PUBLIC or not owner.verified:  # a claim without standing cannot consult
        raise ValidationError(OWNER_NOT_PUBLIC_BODY)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    if slug and Consultation.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": SLUG_TAKEN})
    if "document" in fields:
        fields["document"] = _checked_document(fields["document"])
    consultation = Consultation(
        owner=owner,
        created_by=user,
        title=title,
        summary=summary,
        stage=stage,
        opens=opens,
        closes=closes,
        slug=slug or _unique_slug(title),
        **fields,
    )
    _check_rules(consultation)
    consultation.save()
    return consultation


@transaction.atomic
def consultation_update(*, consultation: Consultation, user, **fields) -> Consultation:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(NOT_EDITABLE)
    if "document" in fields:
        fields["document"] = _checked_document(fields["document"])
    for name, value in fields.items():
        setattr(consultation, name, value)
    _check_rules(consultation)
    consultation.save()
    return consultation


@transaction.atomic
def section_add(*, consultation: Consultation, user, ref: str, title: str, text: str = "") -> ConsultationSection:
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(NOT_EDITABLE)
    if consultation.sections.filter(ref=ref).exists():
        raise ValidationError({"ref": SECTION_REF_TAKEN.format(ref=ref)})
    last = consultation.sections.order_by("-position").values_list("position", flat=True).first() or 0
    return ConsultationSection.objects.create(
        consultation=consultation, ref=ref, title=title or ref, text=text, position=last + 1
    )


@transaction.atomic
def event_add(*, consultation: Consultation, user, date: date, place: str, description: str = "") -> ConsultationEvent:
    """A meeting or drop-in session where people can comment in person."""
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(NOT_EDITABLE)
    opens, closes = consultation.opens, consultation.closes
    if opens is not None and closes is not None and not opens <= date <= closes:
        raise ValidationError({"date": EVENT_OUTSIDE})
    return ConsultationEvent.objects.create(
        consultation=consultation, date=date, place=place.strip(), description=description.strip()
    )


@transaction.atomic
def consultation_open(*, consultation: Consultation, user, today: date | None = None) -> Consultation:
    """Open a draft for comments today. The opening date becomes today, so opening later than
    planned shortens the consultation and the 12-week rule is checked again."""
    today = today or timezone.localdate()
    if consultation.status != Status.DRAFT:
        raise ValidationError(NOT_DRAFT)
    if not consultation.document and not consultation.sections.exists():
        raise ValidationError(NOTHING_TO_COMMENT_ON)
    if consultation.closes is None:
        raise ValidationError(CLOSES_NOT_SET)
    if consultation.closes <= today:
        raise ValidationError(CLOSES_IN_PAST)
    consultation.opens = today
    _check_rules(consultation)
    consultation.status = Status.OPEN
    consultation.save()
    if consultation.invitations.filter(sent_at__isnull=True).exists():
        queue_invitation_emails(consultation)
    return consultation


@transaction.atomic
def consultation_close(
    *, consultation: Consultation, user, today: date | None = None, shorter_reason: str = ""
) -> Consultation:
    """Close for comments. Closing before the planned date shortens the consultation, which then
    needs a reason if it ran for less than 12 weeks."""
    today = today or timezone.localdate()
    if consultation.status != Status.OPEN:
        raise ValidationError(NOT_OPEN)
    if consultation.closes is None or today < consultation.closes:
        # Closing early, or a loaded consultation with no closing date recorded: it closes today.
        opens = consultation.opens
        consultation.closes = max(today, opens + timedelta(days=1)) if opens is not None else today
        if shorter_reason:
            consultation.shorter_reason = shorter_reason
    _check_rules(consultation)
    consultation.status = Status.CLOSED
    consultation.save()
    return consultation


def pending_count(consultation: Consultation) -> int:
    return Comment.objects.filter(consultation=consultation).visible().pending().count()
