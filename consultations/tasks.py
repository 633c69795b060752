"""Background work for consultations: invitation emails, the daily response reminders, and on
publishing a response its PDF (rendered once and stored) and the emails to commenters. Services
queue these; each calls one function in jobs.py, which never queues a task (no import cycle)."""

from celery import shared_task

from common.background import queue

from . import jobs


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_invitation_emails(consultation_id: int) -> int:
    return jobs.invitation_emails_send(consultation_id=consultation_id)


@shared_task
def close_due_consultations() -> int:
    return jobs.consultations_close_due()


@shared_task
def send_response_reminders() -> int:
    return jobs.response_reminders_send()


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=3)
def build_response_pdf(version_id: int) -> bool:
    return jobs.response_pdf_build(version_id=version_id)


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_response_notices(consultation_id: int) -> int:
    return jobs.response_notices_send(consultation_id=consultation_id)


@shared_task
def sweep_unbuilt_response_pdfs(now=None) -> int:
    """Versions whose PDF is still being prepared long after publishing lost their task (the broker
    was down, or the worker died): queue the PDF, and the commenters' emails, again."""
    waiting = jobs.response_pdfs_waiting(now=now)
    for version_id, consultation_id in waiting:
        queue(build_response_pdf, version_id)
        queue(send_response_notices, consultation_id)
    return len(waiting)
