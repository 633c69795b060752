import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

# Every task's base logs a broker that is down instead of failing the request that queued it
# (common/background.py).
app = Celery("compact_portal", task_cls="common.background:QueuedTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def collect_beat_schedules(sender, **kwargs):
    # Each app keeps its periodic tasks beside its tasks, in `<app>/schedule.py` (a SCHEDULE dict),
    # so adding a reminder never means editing settings.
    from common.apps_modules import app_modules

    for _, module in app_modules("schedule"):
        sender.conf.beat_schedule.update(module.SCHEDULE)
