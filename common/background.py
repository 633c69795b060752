"""Queueing a Celery task, and what "queued" means when there is no broker, or the broker is down.

With a broker, `queue(task, ...)` is `task.delay(...)`. Without one (`make run`: CELERY_TASK_ALWAYS_EAGER)
Celery runs the task inside the request, so "Build the review" kept the steering group waiting with no
feedback for the whole build. With IN_PROCESS_TASKS_IN_BACKGROUND (set by `make run`, never in tests,
which want the result at once) the task runs in a thread of its own instead: the request returns, and
the page shows the build's progress as it would with a real worker.

When the broker is down, sending a task fails. Tasks are sent after the request's transaction has
committed (transaction.on_commit), so the person's write is already saved: failing the page then
would tell them it was not, and they would send it again. `QueuedTask` (every task's base, see
compact_portal/celery.py) logs the failure instead. A job that must run is a row first (a review
build, an import, a response PDF), and its app's sweep sends it again once the broker is back
(docs/operations.md, "Faults the portal survives").
"""

import logging
import threading

from celery import Task
from django.conf import settings
from django.db import connection
from kombu.exceptions import OperationalError as BrokerUnavailable

logger = logging.getLogger(__name__)


class QueuedTask(Task):
    def apply_async(self, args=None, kwargs=None, *options_args, **options):
        if self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, *options_args, **options)
        try:
            return super().apply_async(args, kwargs, *options_args, **options)
        except BrokerUnavailable as error:
            # Not an error page: the write that queued this is committed; the sweep resends the job.
            logger.error("Could not queue %s%s: the broker is unavailable (%s)", self.name, tuple(args or ()), error)
            return None


def queue(task, *args) -> threading.Thread | None:
    """Queue `task` with `args`; returns the thread running it when it runs in-process in the background."""
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.IN_PROCESS_TASKS_IN_BACKGROUND:
        thread = threading.Thread(target=_run, args=(task, args), daemon=True, name=f"task-{task.name}")
        thread.start()
        return thread
    task.delay(*args)
    return None


def _run(task, args) -> None:
    try:
        task.apply(args=args)
    finally:
        # The thread opened its own database connection: close it, or SQLite keeps it locked.
        connection.close()
