from celery.schedules import crontab

SCHEDULE = {
    # Just after midnight: a consultation takes comments up to the end of its closing date.
    "consultations-close-due": {
        "task": "consultations.tasks.close_due_consultations",
        "schedule": crontab(hour=0, minute=5),
    },
    # Daily, early; each reminder is sent once per consultation and state, so a rerun is harmless.
    "consultations-response-reminders": {
        "task": "consultations.tasks.send_response_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    # A response PDF whose task was lost (broker down, worker killed) is sent again.
    "consultations-sweep-unbuilt-response-pdfs": {
        "task": "consultations.tasks.sweep_unbuilt_response_pdfs",
        "schedule": crontab(minute="*/5"),
    },
}
