"""Comments from members for their organisation, from individuals and from anonymous people, comments
that reached the body another way and were typed in by an officer, and their moderation: a comment is
hidden with a reason, never deleted."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common.dates import long_date
from organisations.models import Organisation
from organisations.roles import roles_for

from ..models import (
    AuthorKind,
    Channel,
    Comment,
    Consultation,
    ConsultationSection,
    Publication,
    Status,
    set_comment_sections,
)

NOT_OPEN_FOR_COMMENTS = "This consultation is not open for comments."
EMPTY_COMMENT = "Enter your comment."
TOO_LONG = "Your comment must be 10,000 characters or fewer."
NOT_A_MEMBER = "You can comment for an organisation only if you are an approved member of it."
WRONG_SECTION = "Choose sections of this consultation only."
HIDE_REASON_REQUIRED = "Say why the comment is being hidden."
ALREADY_HIDDEN = "This comment is already hidden."
NOT_HIDDEN = "This comment is not hidden."
MAX_LENGTH = 10000
CANNOT_RECORD = (
    "Comments can be recorded only while the consultation is open or closed, before its response is published."
)
CHOOSE_CHANNEL = "Choose how the comment was received."
RECEIVED_IN_FUTURE = "The date received must be today or in the past."
RECEIVED_BEFORE_OPENING = "The date received must be on or after the opening date, {day}."
RECEIVED_AFTER_CLOSING = (
    "The date received must be on or before the closing date, {day}. A comment that arrived "
    "later is not part of the consultation."
)
CHOOSE_ORGANISATION = "Choose the organisation the comment is from."
CHOOSE_AUTHOR = "Say who the comment is from."
CHOOSE_PUBLICATION = "Choose how your comment may be published."
NO_NAME_TO_PUBLISH = "An anonymous comment has no name to publish. Choose another option."


def _create(
    *,
    consultation: Consultation,
    text: str,
    sections,
    kind: str,
    author=None,
    organisation: Organisation | None = None,
    received_on: date | None = None,
    channel: str = Channel.PORTAL,
    recorded_by=None,
    publication: str = Publication.NOT_RECORDED,
) -> Comment:
    if channel == Channel.PORTAL and (
        consultation.status != Status.OPEN or consultation.closes is None or timezone.localdate() > consultation.closes
    ):
        raise ValidationError(NOT_OPEN_FOR_COMMENTS)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": EMPTY_COMMENT})
    if len(text) > MAX_LENGTH:
        raise ValidationError({"text": TOO_LONG})
    if publication not in Publication.values:
        raise ValidationError({"publication": CHOOSE_PUBLICATION})
    sections = list(sections or [])
    if any(s.consultation_id != consultation.pk for s in sections):
        raise ValidationError({"sections": WRONG_SECTION})
    last = consultation.comments.order_by("-position").values_list("position", flat=True).first() or 0
    comment = Comment.objects.create(
        consultation=consultation,
        text=text,
        author_kind=kind,
        author=author,
        organisation=organisation,
        received_on=received_on or timezone.localdate(),
        position=last + 1,
        channel=channel,
        recorded_by=recorded_by,
        publication=publication,
    )
    set_comment_sections(comment, sections)
    return comment


@transaction.atomic
def comment_add_for_organisation(
    *,
    consultation: Consultation,
    user,
    organisation: Organisation,
    text: str,
    sections: list[ConsultationSection] | None = None,
    publication: str = Publication.NOT_RECORDED,
) -> Comment:
    if not roles_for(user).belongs_to(organisation.pk):
        raise ValidationError({"organisation": NOT_A_MEMBER})
    return _create(
        consultation=consultation,
        text=text,
        sections=sections,
        kind=AuthorKind.ORGANISATION,
        author=user,
        organisation=organisation,
        publication=publication,
    )


@transaction.atomic
def comment_add_individual(
    *,
    consultation: Consultation,
    user,
    text: str,
    sections: list[ConsultationSection] | None = None,
    publication: str = Publication.NOT_RECORDED,
) -> Comment:
    return _create(
        consultation=consultation,
        text=text,
        sections=sections,
        kind=AuthorKind.INDIVIDUAL,
        author=user,
        publication=publication,
    )


@transaction.atomic
def comment_add_anonymous(
    *,
    consultation: Consultation,
    text: str,
    sections: list[ConsultationSection] | None = None,
    publication: str = Publication.NOT_RECORDED,
) -> Comment:
    """A comment from the public form. Rate limiting and the honeypot are checked by the view, which
    has the request; this records no address and no name."""
    if publication == Publication.NAMED:
        raise ValidationError({"publication": NO_NAME_TO_PUBLISH})
    return _create(
        consultation=consultation, text=text, sections=sections, kind=AuthorKind.ANONYMOUS, publication=publication
    )


@transaction.atomic
def comment_record(
    *,
    consultation: Consultation,
    user,
    channel: str,
    received_on: date,
    author_kind: str,
    text: str,
    organisation: Organisation | None = None,
    sections: list[ConsultationSection] | None = None,
) -> Comment:
    """A comment that reached the body by post, by email, at an event or by phone, typed in by one of
    its officers. It must have arrived while the consultation was open; it may be typed in after the
    closing date (post arrives late), until the response is published. No individual's name is kept."""
    if consultation.status not in (Status.OPEN, Status.CLOSED):
        raise ValidationError(CANNOT_RECORD)
    if channel not in Channel.values or channel == Channel.PORTAL:
        raise ValidationError({"channel": CHOOSE_CHANNEL})
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": RECEIVED_IN_FUTURE})
    # A loaded consultation may have no recorded dates: nothing to check the date against.
    if consultation.opens and received_on < consultation.opens:
        raise ValidationError({"received_on": RECEIVED_BEFORE_OPENING.format(day=long_date(consultation.opens))})
    if consultation.closes and received_on > consultation.closes:
        raise ValidationError({"received_on": RECEIVED_AFTER_CLOSING.format(day=long_date(consultation.closes))})
    if author_kind not in AuthorKind.values:
        raise ValidationError({"author_kind": CHOOSE_AUTHOR})
    if author_kind == AuthorKind.ORGANISATION and organisation is None:
        raise ValidationError({"organisation": CHOOSE_ORGANISATION})
    return _create(
        consultation=consultation,
        text=text,
        sections=sections,
        kind=author_kind,
        organisation=organisation if author_kind == AuthorKind.ORGANISATION else None,
        received_on=received_on,
        channel=channel,
        recorded_by=user,
    )


@transaction.atomic
def comment_hide(*, comment: Comment, user, reason: str) -> Comment:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": HIDE_REASON_REQUIRED})
    if comment.hidden:
        raise ValidationError(ALREADY_HIDDEN)
    comment.hidden, comment.hidden_reason = True, reason
    comment.hidden_by, comment.hidden_at = user, timezone.now()
    comment.save()
    return comment


@transaction.atomic
def comment_unhide(*, comment: Comment, user) -> Comment:
    """Show a hidden comment again. The reason it was hidden stays in the comment's history."""
    if not comment.hidden:
        raise ValidationError(NOT_HIDDEN)
    comment.hidden, comment.hidden_reason, comment.hidden_by, comment.hidden_at = False, "", None, None
    comment.save()
    return comment
