"""Background work for complaints: emails, the daily reminders and the hourly clean-up of drafts.
Services queue these; each calls one function in jobs.py, which never queues a task (no import cycle)."""

from celery import shared_task

from . import jobs


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_event_emails(event_id: int) -> bool:
    return jobs.event_emails_send(event_id=event_id)


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_confirmation_email(complaint_id: int) -> bool:
    return jobs.confirmation_email_send(complaint_id=complaint_id)


@shared_task
def send_deadline_reminders() -> int:
    return jobs.deadline_reminders_send()


@shared_task
def delete_stale_drafts() -> int:
    return jobs.stale_drafts_delete()
