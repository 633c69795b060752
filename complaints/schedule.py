from celery.schedules import crontab

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
}
