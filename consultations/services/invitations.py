"""Inviting organisations to comment; the emails go out through Celery once the invitations are saved."""

from django.core.exceptions import ValidationError
from django.db import transaction

from organisations.models import Organisation

from ..models import Consultation, Invitation, Status
from ..tasks import send_invitation_emails

NO_ORGANISATIONS = "Choose at least one organisation to invite."
CANNOT_INVITE = "Invitations can be sent only for a draft or open consultation."


@transaction.atomic
def invitations_send(*, consultation: Consultation, user, organisations: list[Organisation]) -> list[Invitation]:
    """Invite each organisation not already invited. The emails are queued when the transaction
    commits; an invitation made while the consultation is a draft is emailed when it opens."""
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(CANNOT_INVITE)
    if not organisations:
        raise ValidationError({"organisations": NO_ORGANISATIONS})
    already = set(consultation.invitations.values_list("organisation_id", flat=True))
    created = [
        Invitation.objects.create(consultation=consultation, organisation=o, invited_by=user)
        for o in organisations
        if o.pk not in already
    ]
    if consultation.status == Status.OPEN:
        queue_invitation_emails(consultation)
    return created


def queue_invitation_emails(consultation: Consultation) -> None:
    transaction.on_commit(lambda: send_invitation_emails.delay(consultation.pk))
