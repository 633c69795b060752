"""Background work for funding. Services queue these; each calls a function that never queues a
task (jobs.py, or a service module that imports no task), so there is no import cycle."""

from celery import shared_task

from common.background import queue

from . import jobs
from .services.awards import awards_mark_completed


@shared_task
def mark_completed_awards() -> int:
    """Active awards whose planned end has passed become completed."""
    return awards_mark_completed()


@shared_task(acks_late=True)
def run_import(run_id: int) -> str:
    """Import the file stored on an ImportRun; the row carries the status and the report."""
    return jobs.import_run_execute(run_id=run_id).status


@shared_task
def sweep_queued_imports(now=None) -> int:
    """Imports whose task was lost while the broker was down are sent again."""
    waiting = jobs.imports_waiting(now=now)
    for run_id in waiting:
        queue(run_import, run_id)
    return len(waiting)
