"""What the undertakings app tells the annual review beyond the compliance summary
(undertakings.selectors.summary): how the Compact's Codes developed in the year, and what became of
the actions bodies promised in the previous year's returns. Plain JSON data (dates as ISO text)."""

from datetime import date

from .models import Action, Code, ReportingPeriod
from .selectors.steering import COUNTED_STATUSES

DONE, IN_PROGRESS, DROPPED = "done", "in_progress", "dropped"
PROGRESS_LABELS = {DONE: "Done", IN_PROGRESS: "In progress", DROPPED: "Dropped"}


def codes_adopted_for_review(*, compact, start: date, end: date) -> list[dict]:
    """Versions of the Compact's Codes adopted from `start` to `end`:
    [{"title", "short_title", "version", "adopted_on", "status"}], oldest first."""
    codes = Code.objects.filter(compact=compact, adopted_on__gte=start, adopted_on__lte=end).order_by(
        "adopted_on", "short_title"
    )
    return [
        {
            "title": c.title,
            "short_title": c.short_title,
            "version": c.version,
            "adopted_on": c.adopted_on.isoformat() if c.adopted_on else None,  # always set: filtered on it
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


def return_actions_progress(*, period: ReportingPeriod, as_of: date) -> dict:
    """What became of each action promised in the previous period's counted returns, on `as_of`:
    done (marked done), in progress (carried into a later return, or not yet due) or dropped
    (not done, past its date, and carried into no later return), each with a sentence.

    {"previous_period": "2024-25" | None, "total": int, "done": int, "in_progress": int, "dropped": int,
     "by_body": [{"organisation", "done", "in_progress", "dropped"}],
     "items": [{"organisation", "undertaking_ref", "what", "who", "due", "progress", "progress_label",
                "sentence"}]}
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
    items: list[dict] = []
    bodies: dict[str, dict] = {}
    for a in actions:
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
        row = bodies.setdefault(organisation, {"organisation": organisation, DONE: 0, IN_PROGRESS: 0, DROPPED: 0})
        row[progress] += 1
    return {
        "previous_period": previous.label,
        "total": len(items),
        **{key: sum(1 for i in items if i["progress"] == key) for key in (DONE, IN_PROGRESS, DROPPED)},
        "by_body": list(bodies.values()),
        "items": items,
    }


def _text(day: date | None) -> str:
    if day is None:
        return "an unknown date"
    return f"{day.day} {day:%B %Y}"
