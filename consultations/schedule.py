from celery.schedules import crontab

SCHEDULE = {
    # Daily, early; each reminder is sent once per consultation and state, so a rerun is harmless.
    "consultations-response-reminders": {
        "task": "consultations.tasks.send_response_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
}
