"""Putting a stage on hold and resuming it. The Complaint Handling Code lets the clock stop only
with a good reason agreed with the complainant; the deadlines then move later by the working days
the stage was on hold."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from .. import deadlines
from ..models import Complaint, EventKind, Pause, PauseReason
from ..working_days import working_days_between
from .common import locked, record, refresh_next_deadline
from .handling import ALREADY_REPLIED, ON_HOLD_FIRST, _current_open_stage, _party_holding  # noqa: F401

ALREADY_ON_HOLD = "This complaint is already on hold."
NOT_ON_HOLD = "This complaint is not on hold."
PAUSE_REASON_NEEDED = "Choose why the complaint is on hold."
PAUSE_EXPLANATION_NEEDED = "Say what is needed from the complainant and when it was agreed with them."
AGREEMENT_NEEDED = "A complaint can be put on hold only when the complainant has agreed. Confirm that they have."
RESUMED_BEFORE_PAUSED = "The date it was resumed cannot be before the date it was put on hold ({date})."
PAUSE_IN_FUTURE = "The date must be today or in the past."


def _day(value: date) -> str:
    return date_format(value, "j F Y")


@transaction.atomic
def stage_pause(
    *,
    complaint: Complaint,
    user,
    reason: str,
    explanation: str,
    agreed_with_complainant: bool,
    today: date | None = None,
) -> Complaint:
    complaint = locked(complaint)
    stage = _current_open_stage(complaint)
    if stage.replied_on:
        raise ValidationError(ALREADY_REPLIED)
    if stage.is_paused:
        raise ValidationError(ALREADY_ON_HOLD)
    if reason not in PauseReason.values:
        raise ValidationError({"reason": PAUSE_REASON_NEEDED})
    if not explanation.strip():
        raise ValidationError({"explanation": PAUSE_EXPLANATION_NEEDED})
    if not agreed_with_complainant:
        raise ValidationError({"agreed_with_complainant": AGREEMENT_NEEDED})
    today = today or timezone.localdate()
    Pause.objects.create(
        stage=stage,
        started_on=today,
        reason=reason,
        explanation=explanation.strip(),
        agreed_with_complainant=True,
        started_by=user,
    )
    stage.paused_on = today
    stage.save(update_fields=["paused_on"])
    refresh_next_deadline(complaint)
    record(
        complaint,
        kind=EventKind.PAUSED,
        party=_party_holding(complaint),
        actor=user,
        stage=stage,
        text=f"{PauseReason(reason).label}. {explanation.strip()}",
    )
    return complaint


@transaction.atomic
def stage_resume(*, complaint: Complaint, user, today: date | None = None) -> Complaint:
    """End the hold and move the stage's deadline later by the working days it lasted."""
    complaint = locked(complaint)
    stage = _current_open_stage(complaint)
    pause = stage.pauses.filter(ended_on__isnull=True).first()
    if pause is None:
        raise ValidationError(NOT_ON_HOLD)
    today = today or timezone.localdate()
    if today < pause.started_on:
        raise ValidationError(RESUMED_BEFORE_PAUSED.format(date=_day(pause.started_on)))
    days = working_days_between(pause.started_on, today)
    pause.ended_on, pause.ended_by, pause.working_days = today, user, days
    pause.save()
    deadlines.move_for_pause(stage, days)
    stage.paused_on = None
    stage.save()
    refresh_next_deadline(complaint)
    due, action = deadlines.next_due(stage)
    assert due is not None  # the stage is open and no longer on hold, so something is due
    record(
        complaint,
        kind=EventKind.RESUMED,
        party=_party_holding(complaint),
        actor=user,
        stage=stage,
        text=f"On hold for {days} working day{'s' if days != 1 else ''}, so the deadline moves by as much: "
        f"{'a reply' if action == 'reply' else 'an acknowledgement'} is now due by {_day(due)}.",
    )
    return complaint
