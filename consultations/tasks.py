"""Background work for consultations: invitation emails, the daily response reminders, and on
publishing a response its PDF (rendered once and stored) and the emails to commenters."""

from celery import shared_task

from . import services


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_invitation_emails(consultation_id: int) -> int:
    return services.invitation_emails_send(consultation_id=consultation_id)


@shared_task
def close_due_consultations() -> int:
    return services.consultations_close_due()


@shared_task
def send_response_reminders() -> int:
    return services.response_reminders_send()


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=3)
def build_response_pdf(version_id: int) -> bool:
    return services.response_pdf_build(version_id=version_id)


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_response_notices(consultation_id: int) -> int:
    return services.response_notices_send(consultation_id=consultation_id)


@shared_task
def sweep_unbuilt_response_pdfs() -> int:
    return services.response_pdfs_sweep()
