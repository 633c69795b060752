"""What the undertakings app tells the annual review (§10.3): the contract between this app and
`reviews`, which reads undertakings only through this module and the models.

Every result is a TypedDict of plain JSON data (dates as ISO text, scores as exact text, never
floats), the shape the review's frozen dataset stores (docs/annual-review-dataset.md): a change of
key here is a change of the published dataset and of its DATASET_VERSION.

- `compliance_for_review`: compliance with the Compact's Codes in a period (the top-level result).
- `signatories_for_review`: who was a signatory at some time in the period.
- `codes_adopted_for_review` and `return_actions_progress`: how the Codes developed in the year, and
  what became of the actions promised in the previous period's returns.
- `previous_period`, `last_ended_period`, `signatory_ids_during`: the periods and signatories the
  review's pages and demo need.
"""

from datetime import date
from typing import Final, Literal, TypedDict, cast

from organisations.models import Compact

from .models import Action, Code, ReportingPeriod
from .selectors.periods import last_ended_period as _last_ended_period
from .selectors.periods import signatories_during
from .selectors.steering import COUNTED_STATUSES
from .selectors.summary import compliance_summary

ReturnStatus = Literal["not_started", "draft", "submitted", "returned", "reviewed"]
Progress = Literal["done", "in_progress", "dropped"]

DONE: Final = "done"
IN_PROGRESS: Final = "in_progress"
DROPPED: Final = "dropped"
PROGRESS_LABELS: dict[str, str] = {DONE: "Done", IN_PROGRESS: "In progress", DROPPED: "Dropped"}


class CodeRef(TypedDict):
    """An adopted Code of the Compact (any version in force)."""

    slug: str
    version: str
    title: str


class PeriodRef(TypedDict):
    label: str
    start_date: str
    end_date: str
    returns_due: str
    is_open: bool


class CompactRef(TypedDict):
    slug: str
    name: str


class Score(TypedDict):
    """A return's score: ratings met (partly met counts a half) over undertakings that applied."""

    numerator: str  # exact decimal text, e.g. "14.5"
    denominator: int
    percent: str | None  # e.g. "72.5%"; None when no undertaking applied


class ComplianceBody(TypedDict):
    """One signatory × adopted Code: the return it owes for the period."""

    organisation: str
    organisation_slug: str
    sector: str  # "public" | "voluntary" | "private"
    code: str  # the Code's short title
    status: ReturnStatus
    status_label: str  # e.g. "Returned for changes"
    counted: bool  # submitted or reviewed: its ratings are in the figures
    score: Score | None  # None while not started
    submitted_on: str | None  # last given in (counted returns only)
    on_time: bool | None  # given in by returns_due; False when past due and not given in; None while not due


class RatingCounts(TypedDict):
    met: int
    partly_met: int
    not_met: int
    not_applicable: int
    not_assessed: int


class UndertakingRatings(TypedDict):
    """How the counted returns rated one assessable undertaking."""

    code: str
    section: str
    ref: str
    party: str  # "joint" | "public" | "voluntary"
    text: str
    counts: RatingCounts


class Statement(TypedDict):
    """A comply-or-explain statement (§10.2): an undertaking not rated met, with its explanation."""

    organisation: str
    code: str
    undertaking_ref: str
    rating: str  # "partly_met" | "not_met" | "not_applicable"
    rating_label: str
    explanation: str


class ReturnAction(TypedDict):
    """An action a counted return promised and has not done, soonest due first."""

    organisation: str
    undertaking_ref: str
    what: str
    who: str
    due: str
    overdue: bool  # due before the day the review is built, not done


class ComplianceReview(TypedDict):
    """Compliance of every signatory of the Compact with its adopted Codes for one reporting period.
    Ratings, statements and actions count returns submitted or reviewed (drafts and returns sent
    back are not counted); lateness is judged on the review's `as_of` day."""

    compact: CompactRef
    period: PeriodRef
    codes: list[CodeRef]
    bodies: list[ComplianceBody]  # every signatory × Code, whether or not it gave in a return
    undertakings: list[UndertakingRatings]  # every assessable undertaking of the adopted Codes
    statements: list[Statement]
    actions: list[ReturnAction]


class SignatoryRow(TypedDict):
    """An organisation that was a signatory of the Compact at some time during the period: signed
    before it ended, not withdrawn before it began. Dates are `date`s (the review prints them)."""

    organisation_id: int
    name: str
    org_id: str
    sector: str
    signed_on: date
    withdrawn_on: date | None


class CodeAdopted(TypedDict):
    """A version of one of the Compact's Codes adopted in the period."""

    title: str
    short_title: str
    version: str
    adopted_on: str
    status: str  # the Code's status label now, e.g. "Adopted", "Superseded"


class BodyProgress(TypedDict):
    organisation: str
    done: int
    in_progress: int
    dropped: int


class ActionProgressItem(TypedDict):
    """An action promised in the previous period's counted returns and what became of it."""

    organisation: str
    undertaking_ref: str
    what: str
    who: str
    due: str
    progress: Progress
    progress_label: str
    sentence: str  # e.g. "Carried into the 2025-26 return, due 1 June 2026."


class ActionsProgress(TypedDict):
    """What became of the actions of the previous period's counted returns, judged on `as_of`."""

    previous_period: str | None  # its label; None when the Compact had no earlier period
    total: int
    done: int
    in_progress: int
    dropped: int
    by_body: list[BodyProgress]
    items: list[ActionProgressItem]


def compliance_for_review(*, compact: Compact, period: ReportingPeriod, as_of: date) -> ComplianceReview:
    """Compliance of every signatory of `compact` for `period`, lateness judged on `as_of`
    (undertakings.selectors.summary.compliance_summary, which builds exactly this shape)."""
    return cast(ComplianceReview, compliance_summary(compact=compact, period=period, as_of=as_of))


def signatories_for_review(*, period: ReportingPeriod) -> list[SignatoryRow]:
    """Signatories of the period's Compact in force at some time during it, by sector and name
    (one query)."""
    return [
        {
            "organisation_id": s.organisation_id,
            "name": s.organisation.name,
            "org_id": s.organisation.org_id,
            "sector": s.organisation.sector,
            "signed_on": s.signed_on,
            "withdrawn_on": s.withdrawn_on,
        }
        for s in signatories_during(period=period)
    ]


def signatory_ids_during(*, period: ReportingPeriod) -> set[int]:
    """Ids of the organisations that were signatories of the period's Compact during it."""
    return set(signatories_during(period=period).values_list("organisation_id", flat=True))


def last_ended_period(*, compact: Compact, today: date | None = None) -> ReportingPeriod | None:
    """The latest period of the Compact that ended before today: the one a review reports on by default."""
    return _last_ended_period(compact=compact, today=today)


def codes_adopted_for_review(*, compact: Compact, start: date, end: date) -> list[CodeAdopted]:
    """Versions of the Compact's Codes adopted from `start` to `end` (both included), oldest first."""
    codes = Code.objects.filter(compact=compact, adopted_on__gte=start, adopted_on__lte=end).order_by(
        "adopted_on", "short_title"
    )
    return [
        {
            "title": c.title,
            "short_title": c.short_title,
            "version": c.version,
            "adopted_on": c.adopted_on.isoformat() if c.adopted_on else "",  # never blank: filtered on it
            "status": c.get_status_display(),
        }
        for c in codes
    ]


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    """The Compact's period before this one, if any."""
    return (
        ReportingPeriod.objects.filter(compact_id=period.compact_id, start_date__lt=period.start_date)
        .order_by("-start_date")
        .first()
    )


def return_actions_progress(*, period: ReportingPeriod, as_of: date) -> ActionsProgress:
    """What became of each action promised in the previous period's counted returns, on `as_of`:
    done (marked done), in progress (carried into a later return, or not yet due) or dropped
    (not done, past its date, and carried into no later return), each with a sentence.
    Three queries whatever the number of actions."""
    previous = previous_period(period)
    if previous is None:
        return {
            "previous_period": None,
            "total": 0,
            "done": 0,
            "in_progress": 0,
            "dropped": 0,
            "by_body": [],
            "items": [],
        }
    actions = list(
        Action.objects.filter(
            entry__compliance_return__period=previous, entry__compliance_return__status__in=COUNTED_STATUSES
        )
        .select_related("entry__undertaking", "entry__compliance_return__organisation")
        .order_by("entry__compliance_return__organisation__name", "entry__undertaking__position", "pk")
    )
    carried = {
        source: (due, done, label)
        for source, due, done, label in Action.objects.filter(carried_forward_from__in=[a.pk for a in actions])
        .values_list("carried_forward_from_id", "due_on", "done", "entry__compliance_return__period__label")
        .order_by("pk")
    }
    items: list[ActionProgressItem] = []
    bodies: dict[str, BodyProgress] = {}
    for a in actions:
        progress: Progress
        if a.done:
            progress, sentence = DONE, f"Done on {_text(a.done_on)}."  # a done action has a date (a constraint)
        elif a.pk in carried:
            due, done, label = carried[a.pk]
            progress = DONE if done else IN_PROGRESS
            sentence = f"Carried into the {label} return" + (", and done there." if done else f", due {_text(due)}.")
        elif a.due_on >= as_of:
            progress, sentence = IN_PROGRESS, f"Not yet done; due {_text(a.due_on)}."
        else:
            progress, sentence = DROPPED, f"Not done by {_text(a.due_on)} and not carried into a later return."
        organisation = a.entry.compliance_return.organisation.name
        items.append(
            {
                "organisation": organisation,
                "undertaking_ref": a.entry.undertaking.ref,
                "what": a.what,
                "who": a.who,
                "due": a.due_on.isoformat(),
                "progress": progress,
                "progress_label": PROGRESS_LABELS[progress],
                "sentence": sentence,
            }
        )
        row = bodies.setdefault(organisation, {"organisation": organisation, "done": 0, "in_progress": 0, "dropped": 0})
        row[progress] += 1
    return {
        "previous_period": previous.label,
        "total": len(items),
        "done": sum(1 for i in items if i["progress"] == DONE),
        "in_progress": sum(1 for i in items if i["progress"] == IN_PROGRESS),
        "dropped": sum(1 for i in items if i["progress"] == DROPPED),
        "by_body": list(bodies.values()),
        "items": items,
    }


def _text(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "a date not recorded"
