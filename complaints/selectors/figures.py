"""Complaint figures for a Compact and a period: the complaints section of the annual review."""

from collections import Counter
from datetime import date
from statistics import median

from django.utils import timezone

from organisations.models import Compact

from ..deadlines import reply_by
from ..models import ComplaintStatus, Outcome, Stage, StageLevel
from ..working_days import working_days_between
from .gathered import Received, received_complaints, undertakings_by_complaint

_STAGE_KEYS = {StageLevel.STAGE_1: "stage_1", StageLevel.STAGE_2: "stage_2", StageLevel.STEERING: "steering_group"}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _missed(deadline: date | None, closed_on: date | None, as_of: date) -> bool:
    """A deadline passed by `as_of` with nothing done, unless the complaint closed before it fell due
    (withdrawn or resolved early): that stage owed nothing more."""
    if deadline is None or deadline >= as_of:
        return False
    return closed_on is None or closed_on > deadline


def _reply_deadline(stage: Stage) -> date:
    # Never acknowledged: the latest the reply could have been due is counted from the last day
    # the acknowledgement was.
    return stage.reply_by or reply_by(level=stage.level, acknowledged_on=stage.acknowledge_by)


def _timeliness(stages: list[tuple[Stage, date | None]], as_of: date) -> dict:
    """Each stage paired with its complaint's closing date. A stage never acknowledged (or answered)
    whose deadline has passed is late, so it counts in the rate as well as those done: "acknowledged
    on time 3 of 5", not "3 of 3" while two wait past their deadline."""
    acknowledged = [s for s, _ in stages if s.acknowledged_on]
    answered = [s for s, _ in stages if s.replied_on]
    ack_overdue = sum(1 for s, closed in stages if not s.acknowledged_on and _missed(s.acknowledge_by, closed, as_of))
    reply_overdue = sum(1 for s, closed in stages if not s.replied_on and _missed(_reply_deadline(s), closed, as_of))
    ack_on_time = sum(1 for s in acknowledged if s.acknowledged_on_time)
    answered_on_time = sum(1 for s in answered if s.replied_on_time)
    days = [working_days_between(s.opened_on, s.replied_on) for s, _ in stages if s.replied_on]
    ack_due = len(acknowledged) + ack_overdue
    reply_due = len(answered) + reply_overdue
    return {
        "opened": len(stages),
        "acknowledged": len(acknowledged),
        "acknowledgement_overdue": ack_overdue,
        "acknowledgement_due": ack_due,
        "acknowledged_on_time": ack_on_time,
        "acknowledged_on_time_share": _share(ack_on_time, ack_due),
        "answered": len(answered),
        "reply_overdue": reply_overdue,
        "reply_due": reply_due,
        "answered_on_time": answered_on_time,
        "answered_on_time_share": _share(answered_on_time, reply_due),
        "extended": sum(1 for s, _ in stages if s.is_extended),
        "median_working_days_to_reply": median(days) if days else None,
    }


def complaint_figures(
    *, compact: Compact, start: date, end: date, as_of: date | None = None, received: Received | None = None
) -> dict:
    """Figures about complaints in `compact` received from `start` to `end` (both included), as the
    records stood on `as_of` (today unless given): a deadline passed by then with nothing done is late.

    Everything is counted over that cohort of complaints, whatever happened to them later. Nothing
    here says who complained: the annual review is published. The result is JSON-serialisable:

        {
          "period": {"start": "2025-04-01", "end": "2026-03-31"},
          "received": 12,                         # complaints received (email confirmed, if needed)
          "open": 3, "closed": 9,                 # where they stand now
          "confidential": 5, "anonymous": 1,
          "by_stage": {"stage_1": 12, "stage_2": 4, "steering_group": 1},   # reached that stage
          "escalations": {"to_stage_2": 4, "to_steering_group": 1},
          "outcomes": {"upheld": 2, "partly_upheld": 3, "not_upheld": 2, "resolved": 1, "withdrawn": 1},
          "timeliness": {                        # one entry per stage key above, each:
            "stage_1": {"opened": 12, "acknowledged": 11,
                        "acknowledgement_overdue": 1,           # not acknowledged, deadline passed
                        "acknowledgement_due": 12,              # acknowledged + overdue: the rate's base
                        "acknowledged_on_time": 10,
                        "acknowledged_on_time_share": 0.8333,   # 0..1, None when nothing to count
                        "answered": 10, "reply_overdue": 0, "reply_due": 10,
                        "answered_on_time": 8, "answered_on_time_share": 0.8,
                        "extended": 2,
                        "median_working_days_to_reply": 9},     # from the stage opening; None if none
            ...
          },
          "by_body": [{"organisation": "Northshire Council", "org_id": "GB-LAE-NTH",
                       "received": 7, "open": 2, "upheld": 1, "partly_upheld": 2, "not_upheld": 1,
                       "resolved": 1, "withdrawn": 0}, ...],            # sorted by name
          "by_undertaking": [{"code": "BME Code", "ref": "4.8.1", "text": "…",
                              "cited": 3, "found_broken": 1}, ...],     # in Code order; "not sure"
          "not_sure_of_undertaking": 2,                                 # complaints count apart
          "learning": [{"reference": "CMP-2025-0007", "body": "Northshire Council",
                        "outcome": "Partly upheld", "closed_on": "2026-01-12",
                        "undertakings_broken": ["BME Code 4.8.1"], "remedy": "…", "learning": "…",
                        "changes_made": "…"}, ...]
        }
    """
    received = received or received_complaints(compact=compact, start=start, end=end)
    complaints, stages_of = received.complaints, received.stages_of
    ids = [c.pk for c in complaints]
    cited_of = undertakings_by_complaint(ids, relation="complaints")
    broken_of = undertakings_by_complaint(ids, relation="complaints_upheld")
    as_of = as_of or timezone.localdate()
    stages = [(s, c.closed_on) for c in complaints for s in stages_of[c.pk]]
    reached = Counter(s.level for s, _ in stages)
    outcomes = Counter(c.outcome for c in complaints if c.status == ComplaintStatus.CLOSED)

    bodies: dict[int, dict] = {}
    for c in complaints:
        row = bodies.setdefault(
            c.respondent_id,
            {
                "organisation": c.respondent.name,
                "org_id": c.respondent.org_id,
                "received": 0,
                "open": 0,
                **{o: 0 for o in Outcome.values},
            },
        )
        row["received"] += 1
        if c.is_open:
            row["open"] += 1
        elif c.outcome:
            row[c.outcome] += 1

    undertakings: dict[int, dict] = {}
    for c in complaints:
        for u, key in [(u, "cited") for u in cited_of[c.pk]] + [(u, "found_broken") for u in broken_of[c.pk]]:
            row = undertakings.setdefault(
                u.pk,
                {
                    "code": u.code.short_title,
                    "ref": u.ref,
                    "text": u.text,
                    "cited": 0,
                    "found_broken": 0,
                    "_order": (u.code_id, u.position),
                },
            )
            row[key] += 1

    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "received": len(complaints),
        "open": sum(1 for c in complaints if c.is_open),
        "closed": sum(1 for c in complaints if not c.is_open),
        "confidential": sum(1 for c in complaints if c.confidential),
        "anonymous": sum(1 for c in complaints if c.is_anonymous),
        "by_stage": {key: reached[level] for level, key in _STAGE_KEYS.items()},
        "escalations": {"to_stage_2": reached[StageLevel.STAGE_2], "to_steering_group": reached[StageLevel.STEERING]},
        "outcomes": {o: outcomes[o] for o in Outcome.values},
        "timeliness": {
            key: _timeliness([p for p in stages if p[0].level == level], as_of) for level, key in _STAGE_KEYS.items()
        },
        "by_body": sorted(bodies.values(), key=lambda r: r["organisation"]),
        "by_undertaking": [
            {k: v for k, v in row.items() if k != "_order"}
            for row in sorted(undertakings.values(), key=lambda r: r["_order"])
        ],
        "not_sure_of_undertaking": sum(1 for c in complaints if c.undertakings_not_sure),
        "learning": [
            {
                "reference": c.reference,
                "body": c.respondent.name,
                "outcome": c.get_outcome_display(),
                "closed_on": c.closed_on.isoformat() if c.closed_on else None,
                "undertakings_broken": [f"{u.code.short_title} {u.ref}" for u in broken_of[c.pk]],
                "remedy": c.remedy,
                "learning": c.learning,
                "changes_made": c.changes_made,
            }
            for c in complaints
            if c.learning
        ],
    }
