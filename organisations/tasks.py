"""Celery tasks: each takes ids, loads the record and calls one function in notifications.py.
Services queue them with transaction.on_commit, so a task never sees a record that is not there."""

from typing import TypedDict

from celery import shared_task
from django.utils import timezone

from . import notifications, selectors
from .models import BoardDeclaration, Membership, Organisation


# Mail servers fail now and then; a few retries a minute apart ride that out.
class RetryOptions(TypedDict):
    autoretry_for: tuple[type[BaseException], ...]
    retry_backoff: int
    max_retries: int


RETRY: RetryOptions = {"autoretry_for": (OSError,), "retry_backoff": 60, "max_retries": 5}


@shared_task(**RETRY)
def notify_organisation_registered(organisation_id: int) -> int:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    return notifications.organisation_registered_notify(organisation=organisation) if organisation else 0


@shared_task(**RETRY)
def notify_organisation_verified(organisation_id: int) -> int:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    return notifications.organisation_verified_notify(organisation=organisation) if organisation else 0


@shared_task(**RETRY)
def notify_membership_requested(membership_id: int) -> int:
    membership = Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    return notifications.membership_requested_notify(membership=membership) if membership else 0


@shared_task(**RETRY)
def notify_membership_decided(membership_id: int) -> int:
    membership = Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    return notifications.membership_decided_notify(membership=membership) if membership else 0


@shared_task(**RETRY)
def send_declaration_reminder(declaration_id: int) -> int:
    declaration = BoardDeclaration.objects.select_related("organisation").filter(pk=declaration_id).first()
    return notifications.board_declaration_stale_reminder_send(declaration=declaration) if declaration else 0


@shared_task
def send_due_declaration_reminders() -> int:
    """Daily: queue a reminder for every declaration that goes stale within 30 days. Each one is
    claimed when sent, so running this twice on a day (or catching up after a missed day) is safe."""
    due = list(selectors.declarations_due_reminder(on_date=timezone.localdate()).values_list("pk", flat=True))
    for declaration_id in due:
        send_declaration_reminder.delay(declaration_id)
    return len(due)
