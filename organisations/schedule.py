from celery.schedules import crontab

SCHEDULE = {
    "organisations-declaration-reminders": {
        # Early morning, so the email is waiting when people start work.
        "task": "organisations.tasks.send_due_declaration_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
}
