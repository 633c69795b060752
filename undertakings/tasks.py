"""Background work for compliance returns: the emails about a return's workflow and the daily
reminders. Services queue these; each calls one function in jobs.py, which never queues a task."""

from celery import shared_task

from . import jobs


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def notify_return_event(event_id: int) -> int:
    return jobs.return_event_notify(event_id=event_id)


@shared_task
def send_return_reminders() -> int:
    return jobs.return_reminders_send()
