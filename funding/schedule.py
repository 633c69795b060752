from celery.schedules import crontab

SCHEDULE = {
    "funding-mark-completed-awards": {
        "task": "funding.tasks.mark_completed_awards",
        "schedule": crontab(hour=2, minute=15),
    },
}
