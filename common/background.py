"""Queueing a Celery task, and what "queued" means when there is no broker.

With a broker, `queue(task, ...)` is `task.delay(...)`. Without one (`make run`: CELERY_TASK_ALWAYS_EAGER)
Celery runs the task inside the request, so "Build the review" kept the steering group waiting with no
feedback for the whole build. With IN_PROCESS_TASKS_IN_BACKGROUND (set by `make run`, never in tests,
which want the result at once) the task runs in a thread of its own instead: the request returns, and
the page shows the build's progress as it would with a real worker.
"""

import threading

from django.conf import settings
from django.db import connection


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
