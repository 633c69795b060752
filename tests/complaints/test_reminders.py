"""Reminders 2 working days before a deadline and the day after it is missed, each sent once."""

from datetime import date

import pytest

from complaints import jobs, services
from complaints.models import ReminderSent

from .factories import raise_complaint

pytestmark = pytest.mark.django_db

# Raised on Monday 3 March 2025: acknowledge by Monday 10 March.


def test_the_body_is_reminded_two_working_days_before_the_acknowledgement_is_due(world, mailoutbox):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    assert jobs.deadline_reminders_send(today=date(2025, 3, 5)) == 0  # 3 working days before
    assert jobs.deadline_reminders_send(today=date(2025, 3, 6)) == 1  # Thursday: 2 working days before
    (reminder,) = mailoutbox
    assert reminder.to == ["officer@council.example"]
    assert reminder.subject == f"{complaint.reference}: due in 2 working days"
    assert "must be acknowledged by 10 March 2025" in reminder.body


def test_reminders_are_sent_once_however_often_the_task_runs(world, mailoutbox):
    raise_complaint(world, today=date(2025, 3, 3))
    for day in (6, 6, 7, 10):
        jobs.deadline_reminders_send(today=date(2025, 3, day))
    assert len(mailoutbox) == 1
    assert jobs.deadline_reminders_send(today=date(2025, 3, 11)) == 1  # missed: due 10 March
    assert jobs.deadline_reminders_send(today=date(2025, 3, 12)) == 0
    assert mailoutbox[-1].subject.endswith("deadline missed")
    assert "was due to be acknowledged by 10 March 2025 and has not been" in mailoutbox[-1].body
    assert ReminderSent.objects.count() == 2


def test_a_new_deadline_gets_its_own_reminders_and_done_work_gets_none(world, mailoutbox):
    complaint = raise_complaint(world, today=date(2025, 3, 3))
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"], today=date(2025, 3, 4))
    # Reply due 10 working days after 4 March: 18 March. Nothing about acknowledging is sent.
    assert jobs.deadline_reminders_send(today=date(2025, 3, 7)) == 0
    assert jobs.deadline_reminders_send(today=date(2025, 3, 14)) == 1
    assert "must be answered by 18 March 2025" in mailoutbox[-1].body
    services.stage_reply(complaint=complaint, user=world.users["officer"], reply="Sorry.", today=date(2025, 3, 17))
    assert jobs.deadline_reminders_send(today=date(2025, 3, 19)) == 0


def test_a_referral_reminds_the_steering_group(world, mailoutbox):
    from tests import factories as f

    from .factories import answered_at_stage_1

    complaint = raise_complaint(world, today=date(2025, 3, 3))
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="No.", today=date(2025, 3, 3))
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    services.stage_acknowledge(complaint=complaint, user=colleague, today=date(2025, 3, 3))
    services.stage_reply(complaint=complaint, user=colleague, reply="Again.", today=date(2025, 3, 3))
    services.complaint_escalate(complaint=complaint, reason="Still no.", today=date(2025, 3, 3))
    mailoutbox.clear()
    assert jobs.deadline_reminders_send(today=date(2025, 3, 6)) == 1
    assert mailoutbox[0].to == ["chair@steering.example"]
