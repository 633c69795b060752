"""Reminders to the owner's officers: the response is due within 14 days, or overdue."""

from datetime import date, timedelta

from django.utils import timezone

from ..models import Consultation, Status

DUE_SOON = timedelta(days=14)


def response_reminders_send(*, today: date | None = None) -> int:
    """Send each reminder due today once per consultation and state; safe to run again.

    1. Take consultations closed or still open with no published response.
    2. Overdue (today after the due date): the "overdue" reminder; due within 14 days: "due soon".
    3. Claim it by setting its sent time with a conditional update; only the claimant sends.
    """
    from ..notifications import send_response_reminder

    today = today or timezone.localdate()
    sent = 0
    open_or_closed = Consultation.objects.filter(status__in=[Status.OPEN, Status.CLOSED], closes__isnull=False)
    for consultation in open_or_closed.select_related("owner"):
        due = consultation.response_due
        if due is None:  # not reached: filtered on the closing date above
            continue
        if today > due:
            field, overdue = "overdue_reminder_sent_at", True
        elif due - today <= DUE_SOON:
            field, overdue = "due_soon_reminder_sent_at", False
        else:
            continue
        claimed = Consultation.objects.filter(pk=consultation.pk, **{f"{field}__isnull": True}).update(
            **{field: timezone.now()}
        )
        if claimed:
            send_response_reminder(consultation=consultation, overdue=overdue)
            sent += 1
    return sent
