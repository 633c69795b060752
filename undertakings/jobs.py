"""The work Celery runs for compliance returns (undertakings.tasks calls these, and nothing here
queues a task, so imports run one way: services → tasks → jobs).

Emails about a return's workflow: the steering group hears of a submission, the body of a decision,
sent after the change is committed.

Reminder emails for returns not yet submitted: 30, 7 and 1 days before the due date, then weekly
while overdue, run daily by Celery beat (undertakings/schedule.py). Each reminder is claimed by a
ReminderSent row (unique per body, period, Code and kind) in the same transaction as the email is
sent, so a second run the same day, or a second worker, sends nothing, and a run after a missed day
still sends the reminder whose window it falls in.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from organisations.models import Membership, MembershipStatus, SteeringGroupMember

from .models import Code, ComplianceReturn, ReminderSent, ReportingPeriod, ReturnEvent, ReturnStatus
from .selectors.periods import signatories_during

log = logging.getLogger(__name__)

TO_STEERING = (ReturnEvent.Kind.SUBMITTED, ReturnEvent.Kind.RESUBMITTED)
TO_BODY = (ReturnEvent.Kind.RETURNED, ReturnEvent.Kind.ACCEPTED)


def organisation_emails(organisation_id: int) -> list[str]:
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


DONE_STATUSES = (ReturnStatus.SUBMITTED, ReturnStatus.REVIEWED)


def reminder_kind(*, due: datetime.date, today: datetime.date) -> str | None:
    """Which reminder is due today: "due-30" in the 30 days before the due date down to 8 days,
    "due-7" from 7 to 2 days, "due-1" on the last day and the day itself, "overdue-N" in week N after."""
    days_left = (due - today).days
    if days_left > 30:
        return None
    if days_left > 7:
        return "due-30"
    if days_left > 1:
        return "due-7"
    if days_left >= 0:
        return "due-1"
    return f"overdue-{(-days_left - 1) // 7 + 1}"


def return_reminders_send(*, today: datetime.date | None = None) -> int:
    """Send the reminders due today for every open period; returns how many bodies were reminded."""
    today = today or timezone.localdate()
    reminded = 0
    for period in ReportingPeriod.objects.open().select_related("compact"):
        kind = reminder_kind(due=period.returns_due, today=today)
        if kind is None:
            continue
        reminded += _remind_for_period(period, kind, today)
    return reminded


def _remind_for_period(period: ReportingPeriod, kind: str, today: datetime.date) -> int:
    codes = list(Code.objects.adopted().filter(compact_id=period.compact_id))
    returns = {(r.organisation_id, r.code_id): r for r in ComplianceReturn.objects.filter(period=period)}
    already = set(ReminderSent.objects.filter(period=period, kind=kind).values_list("organisation_id", "code_id"))
    signatures = list(signatories_during(period=period))
    emails: dict[int, list[str]] = {}
    for organisation_id, email in Membership.objects.filter(
        organisation_id__in=[s.organisation_id for s in signatures], status=MembershipStatus.APPROVED
    ).values_list("organisation_id", "user__email"):
        emails.setdefault(organisation_id, []).append(email)
    reminded = 0
    for signature in signatures:
        for code in codes:
            key = (signature.organisation_id, code.pk)
            compliance_return = returns.get(key)
            if key in already or (compliance_return and compliance_return.status in DONE_STATUSES):
                continue
            try:
                reminded += _send_one(
                    signature.organisation, period, code, kind, compliance_return, emails.get(key[0], []), today
                )
            except IntegrityError:
                continue  # another worker claimed it first
            except Exception:
                # The claim was rolled back with the failed send: the next run tries again.
                log.exception("reminder %s to %s for %s failed", kind, signature.organisation, period)
    return reminded


def _send_one(organisation, period, code, kind, compliance_return, emails, today) -> int:
    with transaction.atomic():
        ReminderSent.objects.create(
            organisation=organisation, period=period, code=code, kind=kind, recipients=", ".join(emails)
        )
        url = (
            reverse("undertakings:return-detail", args=[compliance_return.pk])
            if compliance_return
            else reverse("undertakings:return-list")
        )
        context = {
            "organisation": organisation,
            "period": period,
            "code": code,
            "kind": kind,
            "overdue": kind.startswith("overdue"),
            "days_left": (period.returns_due - today).days,
            "compliance_return": compliance_return,
            "url": settings.SITE_URL + url,
        }
        subject = render_to_string("undertakings/email/reminder_subject.txt", context).strip()
        body = render_to_string("undertakings/email/reminder.txt", context)
        send_each(emails=emails, subject=subject, body=body)
    return 1
