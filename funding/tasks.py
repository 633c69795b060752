from celery import shared_task

from .services.awards import awards_mark_completed
from .services.import_runs import import_run_execute, imports_sweep_queued


@shared_task
def mark_completed_awards() -> int:
    """Active awards whose planned end has passed become completed."""
    return awards_mark_completed()


@shared_task(acks_late=True)
def run_import(run_id: int) -> str:
    """Import the file stored on an ImportRun; the row carries the status and the report."""
    return import_run_execute(run_id=run_id).status


@shared_task
def sweep_queued_imports() -> int:
    """Imports whose task was lost while the broker was down are sent again."""
    return imports_sweep_queued()
