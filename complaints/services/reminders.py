"""Deadline reminders: 2 working days before a deadline, and on the day after it passed."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import deadlines
from ..models import Complaint, ReminderSent, Stage
from ..working_days import add_working_days

REMIND_BEFORE = 2  # working days


def _due_reminders(today: date):
    """(stage, action, due date, moment) for every reminder due today on an open complaint."""
    soon = add_working_days(today, REMIND_BEFORE)
    stages = Stage.objects.filter(complaint__in=Complaint.objects.open(), replied_on__isnull=True).select_related(
        "complaint__respondent", "complaint__compact"
    )
    for stage in stages:
        if stage.complaint.current_stage_level != stage.level:
            continue
        due, action = deadlines.next_due(stage)
        if due is None:
            continue
        if due < today:
            yield stage, action, due, ReminderSent.Moment.MISSED
        elif due <= soon:
            yield stage, action, due, ReminderSent.Moment.DUE_SOON


def deadline_reminders_send(*, today: date | None = None) -> int:
    """Send every reminder due today that has not been sent; safe to run any number of times.

    1. Find the current stage of each open complaint and what its holder must do next.
    2. A deadline within 2 working days gets a "due soon" reminder; one already passed gets a
       "missed" reminder (the first run after the day it was due).
    3. Each reminder is claimed by inserting its ReminderSent row first: a second run, or a
       second worker, hits the unique constraint and sends nothing.
    """
    from ..notifications import send_reminder

    today = today or timezone.localdate()
    sent = 0
    for stage, action, due, moment in list(_due_reminders(today)):
        try:
            with transaction.atomic():
                ReminderSent.objects.create(stage=stage, action=action, due_on=due, moment=moment)
        except IntegrityError:
            continue
        send_reminder(stage=stage, action=action, due=due, moment=moment)
        sent += 1
    return sent
