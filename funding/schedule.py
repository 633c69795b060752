from celery.schedules import crontab

SCHEDULE = {
    "funding-mark-completed-awards": {
        "task": "funding.tasks.mark_completed_awards",
        "schedule": crontab(hour=2, minute=15),
    },
    # An import whose task was lost (broker down, worker killed before it started) is sent again.
    "funding-sweep-queued-imports": {
        "task": "funding.tasks.sweep_queued_imports",
        "schedule": crontab(minute="*/5"),
    },
}
