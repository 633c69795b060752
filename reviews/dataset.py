"""The annual review's dataset (§10.3): one JSON-serialisable document gathered from the apps'
summary selectors. The report (PDF and HTML) is drawn from it alone, and it is stored with each build,
so a published report never drifts from its data. docs/annual-review-dataset.md describes every field
and when DATASET_VERSION changes.
"""

from collections.abc import Callable
from datetime import datetime
from fractions import Fraction
from typing import Any

from django.utils import timezone

from common.dates import long_date
from common.jsonsafe import json_safe
from organisations.models import Compact, Sector
from undertakings.models import ReportingPeriod
from undertakings.selectors.periods import signatories_during
from undertakings.selectors.summary import compliance_summary

from . import report_sections as sections
from .annexes import open_data, open_data_url
from .charts import chart
from .progress import development_section, progress_section, trend
from .report_format import count, of, percent_text, share_percent

DATASET_VERSION = "2.0"

# The sections the steering group may write a commentary on (reviews.narrative), in report order.
COMMENTED_SECTIONS = [
    ("year_in_numbers", "The year in numbers"),
    ("progress", "Progress on last year’s actions"),
    ("development", "How the Compact developed"),
    ("signatories", "Signatories"),
    ("compliance", "Compliance with the Codes"),
    ("funding", "Funding monitoring"),
    ("consultations", "Consultations"),
    ("complaints", "Complaints"),
    ("bme_led", "BME-led organisations and representation"),
    ("actions", "Actions for next year"),
]
SECTIONS = [
    ("foreword", "Foreword"),  # left out when there is none
    ("annual_meeting", "The annual meeting"),
    *COMMENTED_SECTIONS[:-1],
    ("sector_statement", "The sector’s view"),  # left out when there is none
    COMMENTED_SECTIONS[-1],
]
OPTIONAL_SECTIONS = ("foreword", "sector_statement")

RETURN_STATUSES = [
    ("reviewed", "Reviewed"),
    ("submitted", "Submitted, awaiting review"),
    ("returned", "Returned for changes"),
    ("draft", "Draft"),
    ("not_started", "Not started"),
]


def build_dataset(
    *,
    compact: Compact,
    period: ReportingPeriod,
    actions: list[dict],
    built_at: datetime,
    progress: Callable[[int, str], None] | None = None,
    narrative: dict | None = None,
    history: bool = True,
) -> dict:
    """Everything the annual review of `compact` for `period` prints, as plain JSON data.
    `narrative` is what the steering group wrote (reviews.narrative.narrative_as_dataset), frozen
    into the dataset here so that a published version keeps it. `history=False` leaves out the
    comparison with earlier years (used when an earlier year's figures are recomputed for it)."""
    from .narrative import narrative_as_dataset

    narrative = narrative or narrative_as_dataset(None)
    report = progress or (lambda percent, message: None)
    start, end = period.start_date, period.end_date
    # Lateness is judged on the day the review is built (a deadline passed by then with nothing done
    # is late); a status (BME-led, seats held) on the period's last day, or on the build day if the
    # period has not ended, never on a day still to come.
    as_of = timezone.localtime(built_at).date() if timezone.is_aware(built_at) else built_at.date()
    status_date = min(end, as_of)
    steps = [
        ("signatories", "Gathering signatories", lambda: signatories_section(period=period)),
        (
            "compliance",
            "Gathering compliance returns",
            lambda: compliance_section(compact=compact, period=period, as_of=as_of),
        ),
        (
            "funding",
            "Gathering funding figures",
            lambda: sections.funding_section(compact=compact, start=start, end=end),
        ),
        (
            "consultations",
            "Gathering consultations",
            lambda: sections.consultations_section(compact=compact, start=start, end=end, as_of=as_of),
        ),
        (
            "complaints",
            "Gathering complaint figures",
            lambda: sections.complaints_section(compact=compact, start=start, end=end, as_of=as_of),
        ),
        (
            "bme_led",
            "Gathering BME-led organisations",
            lambda: sections.bme_led_section(compact=compact, on_date=status_date),
        ),
        (
            "representation",
            "Gathering representation",
            lambda: sections.representation_section(compact=compact, on_date=status_date),
        ),
        (
            "progress",
            "Gathering last year's actions",
            lambda: progress_section(compact=compact, period=period, as_of=as_of),
        ),
        ("actions", "Adding the actions for next year", lambda: actions_section(actions)),
    ]
    data = {}
    for n, (key, message, build) in enumerate(steps, start=1):
        data[key] = build()
        report(n * 100 // (len(steps) + 1), message)
    data["development"] = development_section(compact=compact, period=period, signatories=data["signatories"])
    data["annual_meeting"] = narrative["meeting"]
    data["foreword"] = narrative["foreword"]
    data["sector_statement"] = narrative["sector_statement"]
    commentary = narrative["commentary"]
    reasons = interim_reasons(period=period, as_of=as_of, compliance=data["compliance"])
    dataset: dict[str, Any] = {
        "version": DATASET_VERSION,
        "compact": {"slug": compact.slug, "name": compact.name, "area": compact.area},
        "period": {
            "label": period.label,
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "display": f"{long_date(start)} to {long_date(end)}",
        },
        "built_at": built_at.isoformat(),
        "built_on_display": long_date(as_of),
        "as_of": as_of.isoformat(),
        "as_of_display": long_date(as_of),
        "status_date": status_date.isoformat(),
        "status_date_display": long_date(status_date),
        # An interim review is printed as one on every page, and published only with a stated reason.
        "interim": bool(reasons),
        "interim_reasons": reasons,
        "sections": [
            {"id": id, "title": title, "empty": _is_empty(id, data), "commentary": commentary.get(id, "")}
            for id, title in SECTIONS
            if id not in OPTIONAL_SECTIONS or not data[id]["empty"]
        ],
        "year_in_numbers": year_in_numbers(data),
        **data,
    }
    if history:
        report(95, "Comparing with earlier years")
        dataset["year_in_numbers"]["trend"] = trend(
            compact=compact, period=period, figures=dataset["year_in_numbers"]["figures"], built_at=built_at
        )
    report(100, "Dataset complete")
    dataset = json_safe(dataset)
    # Long lists go to open-data files beside the review, short ones to the PDF's annex too.
    dataset["open_data"] = open_data(dataset)
    dataset["open_data_url"] = open_data_url(dataset)
    if dataset["open_data"]:
        dataset["sections"].append(
            {"id": "annexes", "title": "Annexes and open data", "empty": False, "commentary": ""}
        )
    return dataset


def interim_reasons(*, period: ReportingPeriod, as_of, compliance: dict) -> list[str]:
    """Why this review is not the final one for its period: the period had not ended when it was
    built, or returns were still to come. No reasons: a final review."""
    reasons = []
    if period.end_date >= as_of:
        reasons.append(
            f"The period runs until {long_date(period.end_date)}; this review was built on {long_date(as_of)}, "
            "before it ended."
        )
    outstanding = compliance["returns_expected"] - compliance["returns_counted"]
    if outstanding > 0:
        reasons.append(
            f"{count(outstanding, 'compliance return')} of {compliance['returns_expected']:,} had not been "
            f"given in when this review was built (returns were due by {long_date(period.returns_due)})."
        )
    return reasons


def _is_empty(section: str, data: dict) -> bool:
    if section == "year_in_numbers":
        return False
    if section == "bme_led":
        return data["bme_led"]["empty"] and data["representation"]["empty"]
    return data[section]["empty"]


def signatories_section(*, period: ReportingPeriod) -> dict:
    """Organisations that were signatories at some time during the period (one query)."""
    rows = list(signatories_during(period=period))
    labels = dict(Sector.choices)
    organisations = [
        {
            "name": s.organisation.name,
            "org_id": s.organisation.org_id,
            "sector": s.organisation.sector,
            "sector_label": labels.get(s.organisation.sector, s.organisation.sector),
            "signed_on": s.signed_on.isoformat(),
            "signed_on_display": long_date(s.signed_on),
            "withdrawn_on": s.withdrawn_on.isoformat() if s.withdrawn_on else None,
            "withdrawn_on_display": long_date(s.withdrawn_on),
        }
        for s in rows
    ]
    by_sector = [
        {"sector": value, "label": label, "count": sum(1 for o in organisations if o["sector"] == value)}
        for value, label in Sector.choices
    ]
    return {
        "empty": not organisations,
        "total": len(organisations),
        "by_sector": by_sector,
        "signed_in_period": sum(1 for s in rows if s.signed_on >= period.start_date),
        "withdrawn_in_period": sum(1 for s in rows if s.withdrawn_on and s.withdrawn_on <= period.end_date),
        "organisations": organisations,
    }


def compliance_section(*, compact: Compact, period: ReportingPeriod, as_of) -> dict:
    """Compliance by undertaking and by body, with every comply-or-explain statement."""
    summary = compliance_summary(compact=compact, period=period, as_of=as_of)
    bodies = summary["bodies"]
    for body in bodies:
        score = body["score"]
        if score is None:
            body["score_display"] = "Not started"
        elif score["percent"] is None:
            body["score_display"] = "No applicable undertakings"
        else:
            body["score_display"] = f"{score['percent']} ({score['numerator']} of {score['denominator']})"
    statuses: list[dict[str, Any]] = [
        {"status": value, "label": label, "count": n, "display": f"{n:,}"}
        for value, label in RETURN_STATUSES
        for n in [sum(1 for b in bodies if b["status"] == value)]
    ]
    scores = [
        Fraction(b["score"]["numerator"]) / b["score"]["denominator"]
        for b in bodies
        if b["counted"] and b["score"] and b["score"]["denominator"]
    ]
    average = share_percent(sum(scores) / len(scores)) if scores else None
    for item in summary["undertakings"]:
        counts = item["counts"]
        item["rated"] = sum(counts.values()) - counts["not_assessed"]
    # A return not given in by its due date counts against the on-time rate, like one given in late.
    judged = [b for b in bodies if b["on_time"] is not None]
    on_time = sum(1 for b in judged if b["on_time"])
    actions = [{**a, "due_display": long_date(a["due"])} for a in summary["actions"]]
    return {
        "empty": not bodies,
        "codes": summary["codes"],
        "returns_expected": len(bodies),
        "returns_counted": sum(1 for b in bodies if b["counted"]),
        "returns_reviewed": sum(1 for b in bodies if b["status"] == "reviewed"),
        "by_status": statuses,
        "average_score": str(average) if average is not None else None,
        "average_score_display": percent_text(average, missing="No returns counted"),
        "scored_returns": len(scores),
        "returns_on_time": on_time,
        "returns_on_time_of": len(judged),
        "returns_on_time_display": of(on_time, len(judged)),
        "bodies": bodies,
        "undertakings": summary["undertakings"],
        "statements": summary["statements"],
        "return_actions": actions,
        "return_actions_overdue": sum(1 for a in actions if a["overdue"]),
        "chart": chart(
            id="returns-by-status",
            title="Compliance returns by status",
            rows=[(s["label"], s["count"], f"{s['count']:,}") for s in statuses],
        ),
    }


def actions_section(actions: list[dict]) -> dict:
    """The steering group's actions for next year, in the order given."""
    items = [
        {
            "action": a["action"],
            "owner": a.get("owner") or "",
            "due": a.get("due") or None,
            "due_display": long_date(a.get("due")) or "No date set",
        }
        for a in actions
    ]
    return {"empty": not items, "items": items}


def _figure(label: str, value, display: str) -> dict:
    return {"label": label, "value": value, "display": display}


def year_in_numbers(data: dict) -> dict:
    """The headline figures, each with the exact text the report prints."""
    compliance, funding = data["compliance"], data["funding"]["figures"]
    complaints, consultations = data["complaints"], data["consultations"]["totals"]
    bme_led, representation = data["bme_led"], data["representation"]
    upheld = complaints["outcomes_upheld_any"]
    bme_count = bme_led["voluntary_organisations"]["by_outcome"]["bme_led"]
    figures = [
        _figure(
            "Signatories", data["signatories"]["total"], count(data["signatories"]["total"], "signatory", "signatories")
        ),
        _figure(
            "Compliance returns submitted",
            compliance["returns_counted"],
            f"{compliance['returns_counted']:,} of {compliance['returns_expected']:,}",
        ),
        _figure("Compliance returns reviewed", compliance["returns_reviewed"], f"{compliance['returns_reviewed']:,}"),
        _figure("Compliance returns on time", compliance["returns_on_time"], compliance["returns_on_time_display"]),
        _figure("Average compliance score", compliance["average_score"] or "", compliance["average_score_display"]),
        _figure(
            "Share of funding value to BME-led organisations",
            str(funding["bme_led_share_by_value"] or ""),
            percent_text(funding["bme_led_share_by_value"], missing="No awards"),
        ),
        _figure("Consultations", consultations["consultations"], f"{consultations['consultations']:,}"),
        _figure("Complaints received", complaints["received"], f"{complaints['received']:,}"),
        _figure("Complaints upheld in full or in part", upheld, f"{upheld:,}"),
        _figure("BME-led organisations", bme_count, f"{bme_count:,}"),
        _figure(
            "Representatives on boards",
            representation["distinct_representatives"],
            f"{representation['distinct_representatives']:,}",
        ),
    ]
    return {"empty": False, "figures": figures}
