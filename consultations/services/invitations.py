"""Inviting organisations to comment; the emails go out through Celery once the invitations are saved."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from organisations.models import Organisation

from ..models import Consultation, Invitation, Status

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
    from ..tasks import send_invitation_emails

    transaction.on_commit(lambda: send_invitation_emails.delay(consultation.pk))


def invitation_emails_send(*, consultation_id: int) -> int:
    """Email every invitation not yet sent. Each is claimed by a conditional update first, so a
    second delivery of the task sends nothing twice."""
    from ..notifications import send_invitation

    sent = 0
    waiting = Invitation.objects.filter(
        consultation_id=consultation_id, sent_at__isnull=True, consultation__status=Status.OPEN
    )
    for invitation in waiting.select_related("consultation__owner", "organisation"):
        claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if claimed and send_invitation(consultation=invitation.consultation, organisation=invitation.organisation):
            sent += 1
    return sent
