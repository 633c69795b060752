"""Reminder emails: 30, 7 and 1 days before the due date and weekly when overdue, once each."""

import datetime

import pytest
from django.core import mail

from compact_portal.celery import app
from undertakings import jobs, services, tasks
from undertakings.jobs import reminder_kind
from undertakings.models import ReminderSent

from .conftest import fill

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 6, 30)  # world.period.returns_due


def day(offset: int) -> datetime.date:
    return DUE + datetime.timedelta(days=offset)


@pytest.mark.parametrize(
    "offset, kind",
    [
        (-31, None),
        (-30, "due-30"),
        (-8, "due-30"),
        (-7, "due-7"),
        (-2, "due-7"),
        (-1, "due-1"),
        (0, "due-1"),
        (1, "overdue-1"),
        (7, "overdue-1"),
        (8, "overdue-2"),
        (15, "overdue-3"),
    ],
)
def test_which_reminder_falls_on_which_day(offset, kind):
    assert reminder_kind(due=DUE, today=day(offset)) == kind


def test_bodies_that_have_not_submitted_are_reminded_once_per_kind(world, code, council_return, officer):
    sent = jobs.return_reminders_send(today=day(-30))

    # The council (started), the NHS trust and the community group (not started) are all signatories.
    assert sent == 3
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["member@forum.example", "officer@council.example", "officer@nhs.example"]
    council_mail = next(m for m in mail.outbox if m.to == ["officer@council.example"])
    assert (
        council_mail.subject == "Northshire BME Code compliance return 2025-26 for Northshire Council is due in 30 days"
    )
    assert f"/compliance/returns/{council_return.pk}/" in council_mail.body

    mail.outbox.clear()
    assert jobs.return_reminders_send(today=day(-29)) == 0
    assert jobs.return_reminders_send(today=day(-30)) == 0
    assert mail.outbox == []


def test_submitted_returns_get_no_reminder(world, code, council_return, officer):
    fill(council_return, officer)
    services.compliance_return_submit(compliance_return=council_return, user=officer)
    mail.outbox.clear()
    jobs.return_reminders_send(today=day(-7))
    assert "officer@council.example" not in [m.to[0] for m in mail.outbox]


def test_overdue_returns_are_chased_weekly(world, code):
    jobs.return_reminders_send(today=day(1))
    jobs.return_reminders_send(today=day(3))
    jobs.return_reminders_send(today=day(8))
    kinds = list(
        ReminderSent.objects.filter(organisation=world.council).order_by("sent_at").values_list("kind", flat=True)
    )
    assert kinds == ["overdue-1", "overdue-2"]
    assert mail.outbox[0].subject.startswith("Overdue: ")


def test_a_missed_day_is_caught_up_by_the_next_run(world, code):
    # Nothing ran on day -7 itself; day -5 still sends the 7-day reminder.
    jobs.return_reminders_send(today=day(-5))
    assert set(ReminderSent.objects.values_list("kind", flat=True)) == {"due-7"}


def test_closed_periods_and_codes_not_adopted_send_nothing(world, code):
    world.period.is_open = False
    world.period.save()
    assert jobs.return_reminders_send(today=day(-1)) == 0


def test_the_beat_schedule_runs_the_reminder_task_daily(world, code, monkeypatch):
    from undertakings.schedule import SCHEDULE

    entry = SCHEDULE["undertakings-return-reminders"]
    assert entry["task"] == tasks.send_return_reminders.name
    assert entry["task"] in app.tasks
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day(-1))
    assert tasks.send_return_reminders.delay().get() == 3
