"""A stage of a complaint as every side sees it: its dates, holds and extensions. Nothing here
can name the complainant, so every side gets the same (complaints.presenters builds the rest)."""

from dataclasses import dataclass, field
from datetime import date

from . import deadlines
from .models import Stage


@dataclass(frozen=True)
class PauseView:
    started_on: date
    ended_on: date | None
    working_days: int | None
    reason: str
    explanation: str


@dataclass(frozen=True)
class StageView:
    level: int
    name: str
    opened_on: date
    request: str
    acknowledge_by: date
    acknowledged_on: date | None
    reply_by: date | None
    original_reply_by: date | None
    extension_reason: str
    replied_on: date | None
    reply: str
    escalate_by: date | None
    next_due: date | None
    next_action: str
    paused_on: date | None = None
    pauses: list[PauseView] = field(default_factory=list)
    beyond_limit_reason: str = ""


def stage_view(stage: Stage) -> StageView:
    due, action = deadlines.next_due(stage)
    return StageView(
        level=stage.level,
        name=stage.get_level_display(),
        opened_on=stage.opened_on,
        request=stage.request,
        acknowledge_by=stage.acknowledge_by,
        acknowledged_on=stage.acknowledged_on,
        reply_by=stage.reply_by,
        original_reply_by=stage.original_reply_by if stage.is_extended else None,
        extension_reason=stage.extension_reason,
        replied_on=stage.replied_on,
        reply=stage.reply,
        escalate_by=stage.escalate_by,
        next_due=due,
        next_action=action,
        paused_on=stage.paused_on,
        pauses=[
            PauseView(p.started_on, p.ended_on, p.working_days, p.get_reason_display(), p.explanation)
            for p in stage.pauses.all()
        ],
        beyond_limit_reason=stage.beyond_limit_reason if stage.extended_beyond_limit else "",
    )
