from celery import shared_task

from .services.awards import awards_mark_completed


@shared_task
def mark_completed_awards() -> int:
    """Active awards whose planned end has passed become completed."""
    return awards_mark_completed()
