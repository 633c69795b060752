"""Pieces every complaint service uses: recording an event (and queueing its emails), keeping the
complaint's next deadline in step, and locking a complaint while it changes."""

from django.db import transaction

from .. import deadlines
from ..models import Audience, Complaint, Event
from ..tasks import send_event_emails


def locked(complaint: Complaint) -> Complaint:
    """Re-read `complaint` under a row lock, so two officers pressing a button at once cannot both
    act on the same stage."""
    return Complaint.objects.select_for_update().select_related("respondent", "compact").get(pk=complaint.pk)


def record(
    complaint: Complaint,
    *,
    kind: str,
    party: str,
    actor=None,
    stage=None,
    text: str = "",
    audience: str = Audience.EVERYONE,
    file=None,
    notify: bool = True,
) -> Event:
    event = Event.objects.create(
        complaint=complaint, kind=kind, party=party, actor=actor, stage=stage, text=text, audience=audience, file=file
    )
    if notify:
        transaction.on_commit(lambda: send_event_emails.delay(event.pk))
    return event


def refresh_next_deadline(complaint: Complaint) -> None:
    stage = complaint.stages.order_by("-level").first() if complaint.is_open else None
    due, action = deadlines.next_due(stage)
    complaint.next_deadline, complaint.next_deadline_action = due, action
    complaint.save(update_fields=["next_deadline", "next_deadline_action"])
