from celery.schedules import crontab

from . import retention  # noqa: F401  registers retention's task wherever the schedule is read

SCHEDULE = {
    # Early, so officers find the reminder when they start work. Idempotent: safe to run again.
    "complaints-deadline-reminders": {
        "task": "complaints.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Hourly: files of complaints never sent are removed once COMPLAINT_DRAFT_MAX_AGE_HOURS old.
    "complaints-delete-stale-drafts": {
        "task": "complaints.tasks.delete_stale_drafts",
        "schedule": crontab(minute=30),
    },
    # Contact details of complaints closed more than COMPLAINT_CONTACT_RETENTION_MONTHS ago.
    "complaints-remove-old-contact-details": {
        "task": "complaints.retention.remove_old_contact_details",
        "schedule": crontab(hour=3, minute=45),
    },
}
