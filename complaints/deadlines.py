"""The timescales of the Complaint Handling Code (Local Government and Social Care Ombudsman), in
working days, and the few rules built on them. Dates come from complaints.working_days only.

The steering group referral has no timescale in that Code; we give it stage 2's so that a referral
is not left without a date.
"""

from datetime import date

from django.conf import settings

from .models import Stage, StageLevel
from .working_days import add_working_days

ACKNOWLEDGE_WITHIN: dict[int, int] = {StageLevel.STAGE_1: 5, StageLevel.STAGE_2: 5, StageLevel.STEERING: 5}
# Counted from the day the stage was acknowledged.
REPLY_WITHIN: dict[int, int] = {StageLevel.STAGE_1: 10, StageLevel.STAGE_2: 20, StageLevel.STEERING: 20}
# How far an extension may move the reply date, counted from the original reply date.
EXTEND_BY_AT_MOST: dict[int, int] = {StageLevel.STAGE_1: 10, StageLevel.STAGE_2: 20, StageLevel.STEERING: 20}


def escalation_window() -> int:
    """Working days the complainant has after a reply to take the complaint further."""
    return getattr(settings, "COMPLAINT_ESCALATION_WORKING_DAYS", 20)


def acknowledge_by(*, level: int, opened_on: date) -> date:
    return add_working_days(opened_on, ACKNOWLEDGE_WITHIN[level])


def reply_by(*, level: int, acknowledged_on: date) -> date:
    return add_working_days(acknowledged_on, REPLY_WITHIN[level])


def latest_extension(stage: Stage) -> date:
    assert stage.original_reply_by is not None, "only an acknowledged stage has a reply date to extend"
    return add_working_days(stage.original_reply_by, EXTEND_BY_AT_MOST[stage.level])


def escalate_by(*, replied_on: date) -> date:
    return add_working_days(replied_on, escalation_window())


def move_for_pause(stage: Stage, working_days: int) -> None:
    """Move the stage's open deadline later by the working days it was on hold (not saved).

    Before acknowledgement the acknowledgement date moves; after it, the reply date and the
    original reply date move together, so an extension's limit keeps counting from the original.
    """
    if stage.acknowledged_on is None:
        stage.acknowledge_by = add_working_days(stage.acknowledge_by, working_days)
    elif stage.reply_by is not None and stage.original_reply_by is not None:  # set together on acknowledgement
        stage.reply_by = add_working_days(stage.reply_by, working_days)
        stage.original_reply_by = add_working_days(stage.original_reply_by, working_days)


ON_HOLD = "on hold"


def next_due(stage: Stage | None) -> tuple[date | None, str]:
    """What the holder of the stage must do next and by when: ("acknowledge" | "reply", date).
    Nothing is due while the stage is on hold."""
    if stage is None or stage.replied_on:
        return None, ""
    if stage.paused_on is not None:
        return None, ON_HOLD
    if stage.acknowledged_on is None:
        return stage.acknowledge_by, "acknowledge"
    return stage.reply_by, "reply"
