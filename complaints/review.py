"""The complaints part of the annual review (§10.3): the contract between this app and `reviews`,
which reads complaints only through this module and the models. Nothing here names a complainant.

Two typed results, over the complaints of the Compact received in the period (whatever happened to
them later):
- `ComplaintFigures` (`complaint_figures_for_review`): counts by stage, outcome, body and
  undertaking, timeliness against the Code's deadlines as the records stood on the build day, and
  the learning; the review stores it as it is (plain JSON data).
- `ComplaintsReview` (`complaints_review`, stored by `review_data` as JSON): how complaints were
  handled as the Complaint Handling Code asks it to report them.

`ComplaintsReview` adds to the figures how complaints were made, holds, extensions past the Code's
limits, what changed, and the steering group's self-assessment. Reasons and learning are printed as the body wrote them, which is why the
forms that take them say so.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TypedDict, cast

from common.dates import long_date
from common.jsonsafe import json_safe
from organisations.models import Compact

from .code_requirements import REQUIREMENTS
from .deadlines import EXTEND_BY_AT_MOST
from .models import Assessment, Channel, ComplaintStatus, Outcome, SelfAssessment, StageLevel
from .selectors.figures import complaint_figures
from .selectors.gathered import Received, pauses_by_stage, received_complaints
from .working_days import working_days_between

NOT_RECORDED = "not recorded"


class PeriodDates(TypedDict):
    start: str
    end: str


class StageTimeliness(TypedDict):
    """One stage's timeliness. A stage never acknowledged (or answered) whose deadline had passed on
    the build day is late: it is in the base of the rate ("3 of 5"), not left out."""

    opened: int  # stages of this level opened for the cohort
    acknowledged: int
    acknowledgement_overdue: int  # not acknowledged, deadline passed
    acknowledgement_due: int  # acknowledged + overdue: the rate's base
    acknowledged_on_time: int
    acknowledged_on_time_share: float | None  # 0..1 to 4 places; None when nothing to count
    answered: int
    reply_overdue: int
    reply_due: int  # answered + overdue
    answered_on_time: int
    answered_on_time_share: float | None
    extended: int
    median_working_days_to_reply: float | None  # from the stage opening; None when none answered


class BodyComplaints(TypedDict):
    """Complaints about one body, with the outcomes of those closed (one key per Outcome value)."""

    organisation: str
    org_id: str
    received: int
    open: int
    upheld: int
    partly_upheld: int
    not_upheld: int
    resolved: int
    withdrawn: int


class UndertakingCited(TypedDict):
    code: str  # the Code's short title
    ref: str
    text: str
    cited: int  # complaints that cited it
    found_broken: int  # complaints that found it broken


class LearningRecord(TypedDict):
    reference: str
    body: str
    outcome: str  # label
    closed_on: str | None
    undertakings_broken: list[str]  # e.g. "BME Code 4.8.1"
    remedy: str
    learning: str
    changes_made: str


class ComplaintFigures(TypedDict):
    """Complaints of the Compact received in [start, end] (email confirmed where needed)."""

    period: PeriodDates
    received: int
    open: int  # where they stand now
    closed: int
    confidential: int
    anonymous: int
    by_stage: dict[str, int]  # "stage_1", "stage_2", "steering_group": complaints that reached it
    escalations: dict[str, int]  # "to_stage_2", "to_steering_group"
    outcomes: dict[str, int]  # every Outcome value: closed complaints with it
    timeliness: dict[str, StageTimeliness]  # per stage key as in by_stage
    by_body: list[BodyComplaints]  # by name
    by_undertaking: list[UndertakingCited]  # in Code order
    not_sure_of_undertaking: int  # complaints whose complainant was not sure which undertaking
    learning: list[LearningRecord]  # closed complaints with learning recorded


def complaint_figures_for_review(
    *, compact: Compact, start: date, end: date, as_of: date, received: Received | None = None
) -> ComplaintFigures:
    """Complaint figures of `compact` for complaints received from `start` to `end`, lateness judged
    on `as_of` (complaints.selectors.figures, which builds exactly this shape). `received`: the
    period's complaints already read (`received_complaints`), so the review reads them once."""
    return cast(
        ComplaintFigures,
        complaint_figures(compact=compact, start=start, end=end, as_of=as_of, received=received),
    )


@dataclass(frozen=True, slots=True)
class StageFigures:
    stage: str
    label: str
    reached: int
    answered: int
    extended: int
    extended_beyond_limit: int
    put_on_hold: int


@dataclass(frozen=True, slots=True)
class OutcomeFigure:
    outcome: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ChannelFigure:
    channel: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class LearningItem:
    reference: str
    body: str
    outcome: str
    learning: str
    changes_made: str  # "not recorded" when nobody has said yet


@dataclass(frozen=True, slots=True)
class ExtensionBeyondLimit:
    reference: str
    body: str
    stage: str
    limit_working_days: int
    working_days_past_limit: int
    reason: str


@dataclass(frozen=True, slots=True)
class RequirementResult:
    key: str
    title: str
    text: str
    assessment: str  # Assessment value, or "" when not answered
    assessment_label: str
    evidence: str


@dataclass(frozen=True, slots=True)
class SelfAssessmentResult:
    completed: bool
    completed_on: date | None
    statement: str
    met: int
    partly_met: int
    not_met: int
    requirements: list[RequirementResult]


@dataclass(frozen=True, slots=True)
class ComplaintsReview:
    received: int
    by_stage: list[StageFigures]
    outcomes: list[OutcomeFigure]
    how_made: list[ChannelFigure]
    holds: int
    working_days_on_hold: int
    extensions_beyond_limit: list[ExtensionBeyondLimit]
    learning: list[LearningItem]
    closed_without_learning: int
    self_assessment: SelfAssessmentResult | None = None
    requirements_total: int = field(default=len(REQUIREMENTS))


_STAGES = [
    (StageLevel.STAGE_1, "stage_1", "Stage 1"),
    (StageLevel.STAGE_2, "stage_2", "Stage 2"),
    (StageLevel.STEERING, "steering_group", "Steering group"),
]


def _self_assessment(compact: Compact, start: date, end: date) -> SelfAssessmentResult | None:
    assessment = SelfAssessment.objects.filter(
        period__compact=compact, period__start_date=start, period__end_date=end
    ).first()
    if assessment is None:
        return None
    labels = dict(Assessment.choices)
    rows = []
    for requirement in REQUIREMENTS:
        answer = assessment.answers.get(requirement.key) or {}
        value = answer.get("assessment", "")
        rows.append(
            RequirementResult(
                key=requirement.key,
                title=requirement.title,
                text=requirement.text,
                assessment=value,
                assessment_label=labels.get(value, NOT_RECORDED),
                evidence=answer.get("evidence") or NOT_RECORDED,
            )
        )
    counts = Counter(r.assessment for r in rows)
    return SelfAssessmentResult(
        completed=assessment.is_complete,
        completed_on=assessment.completed_on,
        statement=assessment.statement or NOT_RECORDED,
        met=counts[Assessment.MET],
        partly_met=counts[Assessment.PARTLY_MET],
        not_met=counts[Assessment.NOT_MET],
        requirements=rows,
    )


def complaints_review(
    *, compact: Compact, start: date, end: date, received: Received | None = None
) -> ComplaintsReview:
    """Complaints of `compact` received from `start` to `end` (both included), whatever happened to
    them later, and the steering group's self-assessment for the reporting period with those dates."""
    received = received or received_complaints(compact=compact, start=start, end=end)
    complaints, stages_of = received.complaints, received.stages_of
    stages = []
    for c in complaints:
        for s in stages_of[c.pk]:
            s.complaint = c  # its reference and body, for the extensions past the limit
            stages.append(s)
    pauses_of = pauses_by_stage([s.pk for s in stages])
    pauses = [p for s in stages for p in pauses_of[s.pk]]
    by_stage = [
        StageFigures(
            stage=key,
            label=label,
            reached=sum(1 for s in stages if s.level == level),
            answered=sum(1 for s in stages if s.level == level and s.replied_on),
            extended=sum(1 for s in stages if s.level == level and s.is_extended),
            extended_beyond_limit=sum(1 for s in stages if s.level == level and s.extended_beyond_limit),
            put_on_hold=sum(1 for s in stages if s.level == level and pauses_of[s.pk]),
        )
        for level, key, label in _STAGES
    ]
    closed = [c for c in complaints if c.status == ComplaintStatus.CLOSED]
    outcomes = Counter(c.outcome for c in closed)
    channels = Counter(c.channel for c in complaints)
    extensions = [
        ExtensionBeyondLimit(
            reference=s.complaint.reference,
            body=s.complaint.respondent.name,
            stage=s.get_level_display(),
            limit_working_days=EXTEND_BY_AT_MOST[s.level],
            working_days_past_limit=max(
                # Extended past the limit: both dates are set.
                working_days_between(cast(date, s.original_reply_by), cast(date, s.reply_by))
                - EXTEND_BY_AT_MOST[s.level],
                0,
            ),
            reason=s.beyond_limit_reason or NOT_RECORDED,
        )
        for s in stages
        if s.extended_beyond_limit
    ]
    return ComplaintsReview(
        received=len(complaints),
        by_stage=by_stage,
        outcomes=[OutcomeFigure(o, label, outcomes[o]) for o, label in Outcome.choices],
        how_made=[ChannelFigure(ch, label, channels[ch]) for ch, label in Channel.choices],
        holds=len(pauses),
        working_days_on_hold=sum(p.working_days or 0 for p in pauses),
        extensions_beyond_limit=extensions,
        learning=[
            LearningItem(
                reference=c.reference,
                body=c.respondent.name,
                outcome=c.get_outcome_display(),
                learning=c.learning,
                changes_made=c.changes_made or NOT_RECORDED,
            )
            for c in closed
            if c.learning
        ],
        closed_without_learning=sum(1 for c in closed if not c.learning),
        self_assessment=_self_assessment(compact, start, end),
    )


def review_data(*, compact: Compact, start: date, end: date, received: Received | None = None) -> dict:
    """`complaints_review` as JSON-safe data for the annual review's dataset, with the printed
    date of the self-assessment (`completed_on_display`)."""
    review = complaints_review(compact=compact, start=start, end=end, received=received)
    data = json_safe(asdict(review))
    if review.self_assessment is not None:
        data["self_assessment"]["completed_on_display"] = long_date(review.self_assessment.completed_on)
    return data
