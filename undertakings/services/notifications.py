"""Queueing the emails about a return's workflow (undertakings.jobs sends them), unless a caller
has suppressed them."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from ..jobs import TO_BODY, TO_STEERING
from ..models import ReturnEvent
from ..tasks import notify_return_event

_quiet: ContextVar[bool] = ContextVar("undertakings_notifications_quiet", default=False)


@contextmanager
def notifications_suppressed():
    """Make workflow changes without emailing anyone (demo data, imports of past years)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def queue_event_notification(event: ReturnEvent) -> None:
    if event.kind not in TO_STEERING + TO_BODY or _quiet.get():
        return
    transaction.on_commit(lambda: notify_return_event.delay(event.pk))
