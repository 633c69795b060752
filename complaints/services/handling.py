"""Moving a complaint through its stages: acknowledge, reply, extend, escalate, close, withdraw."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from .. import deadlines
from ..models import Complaint, ComplaintStatus, EventKind, Outcome, Party, StageLevel
from ..working_days import is_working_day, working_days_between
from .common import locked, record, refresh_next_deadline
from .raising import open_stage

NOTHING_TO_ACKNOWLEDGE = "This stage has already been acknowledged."
ACKNOWLEDGE_FIRST = "Acknowledge the complaint before replying or extending the reply date."
ALREADY_REPLIED = "This stage has already been answered."
NOT_THE_BODYS_TURN = "The complaint is with the steering group now, not the body complained about."
SAME_OFFICER_AT_STAGE_2 = "A different officer must handle stage 2: you answered this complaint at stage 1."
REPLY_NEEDED = "Enter your reply to the complainant."
REASON_NEEDED = "Enter the reason for the extension. The complainant will be told it."
EXTENSION_NOT_LATER = "The new reply date must be after the current one."
EXTENSION_BEYOND_LIMIT_REASON_NEEDED = (
    "The new reply date is more than {days} working days after the original date, beyond the Complaint Handling "
    "Code’s limit ({latest} at the latest). Say why it cannot be answered sooner: the steering group is told, "
    "and the reason is published in the annual review without naming the complainant."
)
ON_HOLD_FIRST = "Resume the complaint before doing this: it is on hold."
LEARNING_NEEDED = "Enter what was learned from the complaint. If nothing, say why."
EXTENSION_NOT_WORKING_DAY = "The new reply date must be a working day, not a weekend or bank holiday."
CANNOT_ESCALATE = "This complaint cannot be taken further now."
ESCALATION_TOO_LATE = "The time to take this complaint further ended on {date}."
ESCALATION_REASON_NEEDED = "Say why you are not satisfied with the reply."
OPEN_ESCALATION = (
    "You cannot close this complaint: the complainant has taken it further and it has not been answered yet."
)
REPLY_BEFORE_CLOSING = "Reply to the complainant before closing the complaint."
ONLY_STEERING_CLOSES_REFERRALS = "Only the steering group can close a complaint referred to it."
OUTCOME_NEEDED = "Choose the outcome."
WITHDRAW_IS_FOR_COMPLAINANT = "Only the complainant can withdraw a complaint; choose another outcome."
ALREADY_CLOSED = "This complaint is already closed."
EXPLANATION_NEEDED = "Explain the decision to the complainant."


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _current_open_stage(complaint: Complaint):
    if not complaint.is_open:
        raise ValidationError(ALREADY_CLOSED)
    return complaint.stages.order_by("-level").first()


def _not_on_hold(stage) -> None:
    if stage is not None and stage.is_paused:
        raise ValidationError(ON_HOLD_FIRST)


def _check_stage_2_officer(stage, complaint, user) -> None:
    if stage.level == StageLevel.STAGE_2:
        first = complaint.stages.get(level=StageLevel.STAGE_1)
        if first.replied_by_id == user.pk:
            raise ValidationError(SAME_OFFICER_AT_STAGE_2)


def _party_holding(complaint: Complaint) -> str:
    return Party.STEERING if complaint.status == ComplaintStatus.REFERRED else Party.RESPONDENT


@transaction.atomic
def stage_acknowledge(*, complaint: Complaint, user, today: date | None = None) -> Complaint:
    complaint = locked(complaint)
    stage = _current_open_stage(complaint)
    if stage.acknowledged_on:
        raise ValidationError(NOTHING_TO_ACKNOWLEDGE)
    _not_on_hold(stage)
    _check_stage_2_officer(stage, complaint, user)
    today = today or timezone.localdate()
    stage.acknowledged_on, stage.acknowledged_by = today, user
    stage.original_reply_by = stage.reply_by = deadlines.reply_by(level=stage.level, acknowledged_on=today)
    stage.save()
    refresh_next_deadline(complaint)
    record(
        complaint,
        kind=EventKind.ACKNOWLEDGED,
        party=_party_holding(complaint),
        actor=user,
        stage=stage,
        text=f"A reply is due by {_day(stage.reply_by)}.",
    )
    return complaint


@transaction.atomic
def stage_reply(*, complaint: Complaint, user, reply: str, today: date | None = None) -> Complaint:
    complaint = locked(complaint)
    if complaint.status == ComplaintStatus.REFERRED:
        raise ValidationError(NOT_THE_BODYS_TURN)
    stage = _current_open_stage(complaint)
    if not stage.acknowledged_on:
        raise ValidationError(ACKNOWLEDGE_FIRST)
    if stage.replied_on:
        raise ValidationError(ALREADY_REPLIED)
    _not_on_hold(stage)
    if not reply.strip():
        raise ValidationError({"reply": REPLY_NEEDED})
    _check_stage_2_officer(stage, complaint, user)
    today = today or timezone.localdate()
    stage.replied_on, stage.replied_by, stage.reply = today, user, reply.strip()
    stage.escalate_by = deadlines.escalate_by(replied_on=today)
    stage.save()
    refresh_next_deadline(complaint)
    record(complaint, kind=EventKind.REPLIED, party=Party.RESPONDENT, actor=user, stage=stage, text=stage.reply)
    return complaint


@transaction.atomic
def stage_extend(
    *, complaint: Complaint, user, new_date: date, reason: str, beyond_limit_reason: str = ""
) -> Complaint:
    """Move the reply date later, with a reason the complainant is told. Past the Code's limit
    only with a second reason, which the steering group's list and the annual review report."""
    complaint = locked(complaint)
    stage = _current_open_stage(complaint)
    if not stage.acknowledged_on:
        raise ValidationError(ACKNOWLEDGE_FIRST)
    if stage.replied_on:
        raise ValidationError(ALREADY_REPLIED)
    _not_on_hold(stage)
    if not reason.strip():
        raise ValidationError({"reason": REASON_NEEDED})
    latest = deadlines.latest_extension(stage)
    if new_date <= stage.reply_by:
        raise ValidationError({"new_date": EXTENSION_NOT_LATER})
    beyond = new_date > latest
    if beyond and not beyond_limit_reason.strip():
        raise ValidationError(
            {
                "beyond_limit_reason": EXTENSION_BEYOND_LIMIT_REASON_NEEDED.format(
                    days=deadlines.EXTEND_BY_AT_MOST[stage.level], latest=_day(latest)
                )
            }
        )
    if not is_working_day(new_date):
        raise ValidationError({"new_date": EXTENSION_NOT_WORKING_DAY})
    stage.reply_by, stage.extension_reason = new_date, reason.strip()
    if beyond:
        stage.extended_beyond_limit, stage.beyond_limit_reason = True, beyond_limit_reason.strip()
    stage.save()
    refresh_next_deadline(complaint)
    record(
        complaint,
        kind=EventKind.EXTENDED,
        party=_party_holding(complaint),
        actor=user,
        stage=stage,
        text=f"New reply date: {_day(new_date)}. Reason: {stage.extension_reason}",
    )
    return complaint


@transaction.atomic
def complaint_escalate(*, complaint: Complaint, reason: str, user=None, today: date | None = None) -> Complaint:
    """The complainant takes the complaint further: stage 1 → stage 2, stage 2 → steering group.
    Allowed within the escalation window after a reply, even if the body has closed it meanwhile."""
    complaint = locked(complaint)
    stage = complaint.stages.order_by("-level").first()
    today = today or timezone.localdate()
    if stage is None or not stage.replied_on or stage.escalate_by is None or stage.level >= StageLevel.STEERING:
        raise ValidationError(CANNOT_ESCALATE)
    if complaint.status == ComplaintStatus.CLOSED and complaint.closed_by_party != Party.RESPONDENT:
        raise ValidationError(CANNOT_ESCALATE)
    if today > stage.escalate_by:
        raise ValidationError(ESCALATION_TOO_LATE.format(date=_day(stage.escalate_by)))
    if not reason.strip():
        raise ValidationError({"reason": ESCALATION_REASON_NEEDED})
    if complaint.status == ComplaintStatus.CLOSED:
        _reopen(complaint)
    level = stage.level + 1
    new_stage = open_stage(complaint, level=level, opened_on=today, request=reason.strip())
    complaint.status = ComplaintStatus.STAGE_2 if level == StageLevel.STAGE_2 else ComplaintStatus.REFERRED
    complaint.save(update_fields=["status"])
    refresh_next_deadline(complaint)
    kind = EventKind.ESCALATED if level == StageLevel.STAGE_2 else EventKind.REFERRED
    signed_in = user if user is not None and user.is_authenticated else None
    record(complaint, kind=kind, party=Party.COMPLAINANT, actor=signed_in, stage=new_stage, text=new_stage.request)
    return complaint


def _reopen(complaint: Complaint) -> None:
    # The body's closing decision is kept in the timeline; the outcome is decided again later.
    complaint.outcome = complaint.remedy = complaint.learning = complaint.changes_made = ""
    complaint.closed_by_party = ""
    complaint.closed_on = complaint.closed_by = None
    complaint.save(
        update_fields=["outcome", "remedy", "learning", "changes_made", "closed_by_party", "closed_on", "closed_by"]
    )
    complaint.undertakings_broken.clear()


@transaction.atomic
def complaint_close(
    *,
    complaint: Complaint,
    user,
    party: str,
    outcome: str,
    explanation: str,
    remedy: str = "",
    learning: str = "",
    changes_made: str = "",
    undertakings_broken=(),
    today: date | None = None,
) -> Complaint:
    """Close with an outcome, the explanation sent to the complainant, and what was learned (and
    what changed, if it is known yet: it can be added later with complaint_learning_record)."""
    complaint = locked(complaint)
    stage = _current_open_stage(complaint)
    _not_on_hold(stage)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": OUTCOME_NEEDED})
    if outcome == Outcome.WITHDRAWN:
        raise ValidationError({"outcome": WITHDRAW_IS_FOR_COMPLAINANT})
    if not explanation.strip():
        raise ValidationError({"explanation": EXPLANATION_NEEDED})
    if party == Party.RESPONDENT:
        if complaint.status == ComplaintStatus.REFERRED:
            raise ValidationError(ONLY_STEERING_CLOSES_REFERRALS)
        if stage is None or not stage.replied_on:
            raise ValidationError(
                OPEN_ESCALATION if stage and stage.level > StageLevel.STAGE_1 else REPLY_BEFORE_CLOSING
            )
    elif party == Party.STEERING and stage is not None and not stage.acknowledged_on:
        raise ValidationError(ACKNOWLEDGE_FIRST)
    if not learning.strip():
        raise ValidationError({"learning": LEARNING_NEEDED})
    today = today or timezone.localdate()
    if party == Party.STEERING and stage is not None and not stage.replied_on:
        # The steering group's decision is its reply at the referral stage.
        stage.replied_on, stage.replied_by, stage.reply = today, user, explanation.strip()
        stage.save()
    _finish(
        complaint,
        outcome=outcome,
        party=party,
        user=user,
        today=today,
        remedy=remedy,
        learning=learning,
        changes_made=changes_made,
        undertakings_broken=undertakings_broken,
    )
    record(
        complaint,
        kind=EventKind.CLOSED,
        party=party,
        actor=user,
        text=f"Outcome: {complaint.get_outcome_display()}.\n{explanation.strip()}",
    )
    return complaint


def _finish(complaint, *, outcome, party, user, today, remedy="", learning="", changes_made="", undertakings_broken=()):
    _end_hold(complaint, user=user, today=today)
    complaint.status = ComplaintStatus.CLOSED
    complaint.outcome, complaint.remedy, complaint.learning = outcome, remedy.strip(), learning.strip()
    complaint.changes_made = changes_made.strip()
    complaint.closed_on, complaint.closed_by, complaint.closed_by_party = today, user, party
    complaint.save()
    complaint.undertakings_broken.set(undertakings_broken)
    refresh_next_deadline(complaint)


def _end_hold(complaint, *, user, today) -> None:
    # A complaint withdrawn while on hold: the hold ends that day, so no pause is left open.
    for stage in complaint.stages.filter(paused_on__isnull=False):
        for pause in stage.pauses.filter(ended_on__isnull=True):
            pause.ended_on, pause.ended_by = today, user
            pause.working_days = working_days_between(pause.started_on, today)
            pause.save()
        stage.paused_on = None
        stage.save(update_fields=["paused_on"])


@transaction.atomic
def complaint_withdraw(*, complaint: Complaint, user=None, reason: str = "", today: date | None = None) -> Complaint:
    complaint = locked(complaint)
    if not complaint.is_open:
        raise ValidationError(ALREADY_CLOSED)
    signed_in = user if user is not None and user.is_authenticated else None
    _finish(
        complaint,
        outcome=Outcome.WITHDRAWN,
        party=Party.COMPLAINANT,
        user=signed_in,
        today=today or timezone.localdate(),
    )
    record(complaint, kind=EventKind.WITHDRAWN, party=Party.COMPLAINANT, actor=signed_in, text=reason.strip())
    return complaint
