from celery.schedules import crontab

SCHEDULE = {
    # Often enough that a build whose worker died is picked up again within minutes of going stale.
    "reviews-sweep-stale-builds": {
        "task": "reviews.tasks.sweep_stale_builds",
        "schedule": crontab(minute="*/5"),
    },
}
