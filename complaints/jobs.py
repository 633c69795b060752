"""The work Celery runs for complaints (complaints.tasks calls these, and nothing here queues a task,
so imports run one way: services → tasks → jobs): the emails about an event and the address
confirmation, the daily deadline reminders, and the hourly clean-up of complaints never sent."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import deadlines
from .models import Complaint, ComplaintFile, ComplaintStatus, Event, ReminderSent, Stage
from .notifications import send_confirmation, send_for_event, send_reminder
from .tokens import confirmation_max_age
from .working_days import add_working_days

REMIND_BEFORE = 2  # working days


def event_emails_send(*, event_id: int) -> bool:
    """Tell each side what happened; False when the event is gone (its complaint was deleted)."""
    event = Event.objects.select_related("complaint").filter(pk=event_id).first()
    if event is None:
        return False
    send_for_event(event)
    return True


def confirmation_email_send(*, complaint_id: int) -> bool:
    """Ask someone without an account to confirm their address; nothing once it is confirmed."""
    complaint = (
        Complaint.objects.select_related("respondent")
        .filter(pk=complaint_id, status=ComplaintStatus.UNCONFIRMED)
        .first()
    )
    if complaint is None:
        return False
    send_confirmation(complaint)
    return True


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
    """Deadline reminders: 2 working days before a deadline, and on the day after it passed. Sends
    every reminder due today that has not been sent; safe to run any number of times.

    1. Find the current stage of each open complaint and what its holder must do next.
    2. A deadline within 2 working days gets a "due soon" reminder; one already passed gets a
       "missed" reminder (the first run after the day it was due).
    3. Each reminder is claimed by inserting its ReminderSent row first: a second run, or a
       second worker, hits the unique constraint and sends nothing.
    """
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


def draft_max_age() -> timedelta:
    return timedelta(hours=getattr(settings, "COMPLAINT_DRAFT_MAX_AGE_HOURS", 24))


@transaction.atomic
def stale_drafts_delete(*, now=None) -> int:
    """Remove the files of complaints never sent (older than COMPLAINT_DRAFT_MAX_AGE_HOURS; run
    hourly), and complaints never confirmed with their files once their links have expired. Their
    references are not reused, so the year's numbers may have gaps."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=confirmation_max_age()) - timedelta(days=1)
    stale_files = ComplaintFile.objects.filter(complaint__isnull=True, uploaded_at__lt=now - draft_max_age())
    unconfirmed = Complaint.objects.filter(status=ComplaintStatus.UNCONFIRMED, submitted_at__lt=cutoff)
    files = list(stale_files) + list(ComplaintFile.objects.filter(complaint__in=unconfirmed))
    stored = [(file.file.storage, file.file.name) for file in files if file.file.name]
    count = len(files)
    ComplaintFile.objects.filter(pk__in=[f.pk for f in files]).delete()
    count += unconfirmed.delete()[1].get("complaints.Complaint", 0)

    def delete_stored():
        # Only once the rows are surely gone, so no record is left pointing at a missing file.
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(delete_stored)
    return count
