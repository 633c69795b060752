import os
from importlib import import_module

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

app = Celery("compact_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def collect_beat_schedules(sender, **kwargs):
    # Each app keeps its periodic tasks beside its tasks, in `<app>/schedule.py` (a SCHEDULE dict),
    # so adding a reminder never means editing settings.
    from django.conf import settings

    for label in settings.LOCAL_APPS:
        try:
            module = import_module(f"{label}.schedule")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.schedule":
                raise
            continue
        sender.conf.beat_schedule.update(module.SCHEDULE)
