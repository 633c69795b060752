from celery.schedules import crontab

SCHEDULE = {
    # Daily, so a missed day is caught up the next morning; each reminder is sent once (see
    # undertakings/jobs.py).
    "undertakings-return-reminders": {
        "task": "undertakings.tasks.send_return_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
}
