from celery import shared_task

from . import services


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def notify_return_event(event_id: int) -> int:
    return services.return_event_notify(event_id=event_id)


@shared_task
def send_return_reminders() -> int:
    return services.return_reminders_send()
