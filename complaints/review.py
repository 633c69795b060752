"""The complaints part of the annual review: how the Compact handled complaints in a period, as
the Complaint Handling Code asks it to report them. A typed result (`ComplaintsReview`) built by
`complaints_review`, and `review_data` for the review's JSON dataset.

Figures by stage and outcome and the learning come from selectors.figures (the review's existing
complaints section); this adds how complaints were made, holds, extensions past the Code's limits,
what changed, and the steering group's self-assessment. Nothing here names a complainant: the
review is published. Reasons and learning are printed as the body wrote them, which is why the
forms that take them say so.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from django.db.models import Prefetch

from common.dates import long_date
from common.jsonsafe import json_safe
from organisations.models import Compact

from .code_requirements import REQUIREMENTS
from .deadlines import EXTEND_BY_AT_MOST
from .models import Assessment, Channel, Complaint, ComplaintStatus, Outcome, Pause, SelfAssessment, StageLevel
from .working_days import working_days_between

NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class StageFigures:
    stage: str
    label: str
    reached: int
    answered: int
    extended: int
    extended_beyond_limit: int
    put_on_hold: int


@dataclass(frozen=True)
class OutcomeFigure:
    outcome: str
    label: str
    count: int


@dataclass(frozen=True)
class ChannelFigure:
    channel: str
    label: str
    count: int


@dataclass(frozen=True)
class LearningItem:
    reference: str
    body: str
    outcome: str
    learning: str
    changes_made: str  # "not recorded" when nobody has said yet


@dataclass(frozen=True)
class ExtensionBeyondLimit:
    reference: str
    body: str
    stage: str
    limit_working_days: int
    working_days_past_limit: int
    reason: str


@dataclass(frozen=True)
class RequirementResult:
    key: str
    title: str
    text: str
    assessment: str  # Assessment value, or "" when not answered
    assessment_label: str
    evidence: str


@dataclass(frozen=True)
class SelfAssessmentResult:
    completed: bool
    completed_on: date | None
    statement: str
    met: int
    partly_met: int
    not_met: int
    requirements: list[RequirementResult]


@dataclass(frozen=True)
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


def complaints_review(*, compact: Compact, start: date, end: date) -> ComplaintsReview:
    """Complaints of `compact` received from `start` to `end` (both included), whatever happened to
    them later, and the steering group's self-assessment for the reporting period with those dates."""
    complaints = list(
        Complaint.objects.received()
        .filter(compact=compact, received_on__gte=start, received_on__lte=end)
        .select_related("respondent")
        .prefetch_related(Prefetch("stages__pauses", queryset=Pause.objects.order_by("started_on")), "stages")
        .order_by("received_on", "reference")
    )
    stages = [s for c in complaints for s in c.stages.all()]
    pauses = [p for s in stages for p in s.pauses.all()]
    by_stage = [
        StageFigures(
            stage=key,
            label=label,
            reached=sum(1 for s in stages if s.level == level),
            answered=sum(1 for s in stages if s.level == level and s.replied_on),
            extended=sum(1 for s in stages if s.level == level and s.is_extended),
            extended_beyond_limit=sum(1 for s in stages if s.level == level and s.extended_beyond_limit),
            put_on_hold=sum(1 for s in stages if s.level == level and s.pauses.all()),
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
                working_days_between(s.original_reply_by, s.reply_by) - EXTEND_BY_AT_MOST[s.level], 0
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


def review_data(*, compact: Compact, start: date, end: date) -> dict:
    """`complaints_review` as JSON-safe data for the annual review's dataset, with the printed
    date of the self-assessment (`completed_on_display`)."""
    review = complaints_review(compact=compact, start=start, end=end)
    data = json_safe(asdict(review))
    if review.self_assessment is not None:
        data["self_assessment"]["completed_on_display"] = long_date(review.self_assessment.completed_on)
    return data
