"""Emails about a return's workflow: the steering group hears of a submission, the body of a
decision. Sent by a Celery task after the change is committed."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from organisations.models import MembershipStatus, SteeringGroupMember

from ..models import ReturnEvent

TO_STEERING = (ReturnEvent.Kind.SUBMITTED, ReturnEvent.Kind.RESUBMITTED)
TO_BODY = (ReturnEvent.Kind.RETURNED, ReturnEvent.Kind.ACCEPTED)


_quiet: ContextVar[bool] = ContextVar("undertakings_notifications_quiet", default=False)


@contextmanager
def notifications_suppressed():
    """Make workflow changes without emailing anyone (demo data, imports of past years)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def queue_event_notification(event: ReturnEvent) -> None:
    if event.kind not in TO_STEERING + TO_BODY or _quiet.get():
        return
    from ..tasks import notify_return_event

    transaction.on_commit(lambda: notify_return_event.delay(event.pk))


def organisation_emails(organisation_id: int) -> list[str]:
    from organisations.models import Membership

    return list(
        Membership.objects.filter(organisation_id=organisation_id, status=MembershipStatus.APPROVED)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def steering_emails(compact_id: int) -> list[str]:
    today = timezone.localdate()
    return list(
        SteeringGroupMember.objects.filter(compact_id=compact_id, start_date__lte=today)
        .exclude(end_date__lt=today)
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )


def send_each(*, emails: list[str], subject: str, body: str) -> int:
    """One message per person, so nobody sees who else was told."""
    messages = [EmailMessage(subject, body, to=[email]) for email in emails]
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0


def return_event_notify(*, event_id: int) -> int:
    event = ReturnEvent.objects.select_related(
        "compliance_return__organisation", "compliance_return__period__compact", "compliance_return__code", "by"
    ).get(pk=event_id)
    compliance_return = event.compliance_return
    if event.kind in TO_STEERING:
        emails = steering_emails(compliance_return.period.compact_id)
    elif event.kind in TO_BODY:
        emails = organisation_emails(compliance_return.organisation_id)
    else:
        return 0
    context = {
        "event": event,
        "compliance_return": compliance_return,
        "url": settings.SITE_URL + reverse("undertakings:return-detail", args=[compliance_return.pk]),
    }
    subject = render_to_string("undertakings/email/return_event_subject.txt", context).strip()
    body = render_to_string("undertakings/email/return_event.txt", context)
    return send_each(emails=emails, subject=subject, body=body)
