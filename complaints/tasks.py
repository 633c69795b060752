"""Background work for complaints: emails, the daily reminders and the hourly clean-up of drafts."""

from celery import shared_task

from . import services


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_event_emails(event_id: int) -> None:
    from .models import Event
    from .notifications import send_for_event

    event = Event.objects.select_related("complaint").filter(pk=event_id).first()
    if event is not None:
        send_for_event(event)


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_confirmation_email(complaint_id: int) -> None:
    from .models import Complaint, ComplaintStatus
    from .notifications import send_confirmation

    complaint = (
        Complaint.objects.select_related("respondent")
        .filter(pk=complaint_id, status=ComplaintStatus.UNCONFIRMED)
        .first()
    )
    if complaint is not None:
        send_confirmation(complaint)


@shared_task
def send_deadline_reminders() -> int:
    return services.deadline_reminders_send()


@shared_task
def delete_stale_drafts() -> int:
    return services.stale_drafts_delete()
