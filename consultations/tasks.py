"""Background work for consultations: invitation emails and the daily response reminders."""

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
