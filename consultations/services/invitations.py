"""Inviting organisations to comment; the emails go out through Celery once the invitations are saved."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from organisations.models import Organisation

from ..models import Consultation, Invitation, Status
from ..tasks import send_invitation_emails

NO_ORGANISATIONS = "Choose at least one organisation to invite."
CANNOT_INVITE = "Invitations can be sent only for a draft or open consultation."


@transaction.atomic
def invitations_send(
    *, consultation: Consultation, user, organisations: Iterable[Organisation] | QuerySet[Organisation]
) -> list[Invitation]:
    """Invite each organisation not already invited: a list the officer ticked, or a queryset (every
    organisation matching a filter: thousands on a metro Compact, written in batches). The emails are
    queued when the transaction commits; an invitation made while the consultation is a draft is
    emailed when it opens."""
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(CANNOT_INVITE)
    if isinstance(organisations, QuerySet):
        chosen = list(organisations.order_by().values_list("pk", flat=True))
    else:
        chosen = [o.pk for o in organisations]
    if not chosen:
        raise ValidationError({"organisations": NO_ORGANISATIONS})
    already = set(consultation.invitations.values_list("organisation_id", flat=True))
    created = Invitation.objects.bulk_create(
        [
            Invitation(consultation=consultation, organisation_id=pk, invited_by=user)
            for pk in dict.fromkeys(chosen)  # once each, in the order given
            if pk not in already
        ],
        batch_size=1000,
    )
    if consultation.status == Status.OPEN:
        queue_invitation_emails(consultation)
    return created


def queue_invitation_emails(consultation: Consultation) -> None:
    transaction.on_commit(lambda: send_invitation_emails.delay(consultation.pk))
