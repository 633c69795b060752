"""The annual review's dataset (§10.3): one JSON-serialisable document gathered here, and only
here, from the apps' typed results (each app's `review.py`, the contract that
docs/annual-review-dataset.md describes), printed into sections by reviews.report_sections and
reviews.progress. The report (PDF and HTML) is drawn from the dataset alone, and it is stored with
each build, so a published report never drifts from its data. docs/annual-review-dataset.md
describes every field and when DATASET_VERSION changes.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from common.dates import long_date
from common.jsonsafe import json_safe
from complaints.review import complaint_figures_for_review, received_complaints
from complaints.review import review_data as complaints_handling_for_review
from consultations.review import code_consultations_for_review, consultations_for_review
from funding.review import funding_for_review
from organisations.models import Compact
from organisations.review import bme_led_for_review
from representation.review import representation_for_review
from undertakings.models import ReportingPeriod
from undertakings.review import (
    codes_adopted_for_review,
    compliance_for_review,
    return_actions_progress,
    signatories_for_review,
)

from . import report_sections as sections
from .annexes import open_data, open_data_url
from .progress import development_section, progress_section, trend
from .report_format import count, percent_text

DATASET_VERSION = "3.0"

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


def build_dataset(
    *,
    compact: Compact,
    period: ReportingPeriod,
    actions: list[dict],
    built_at: datetime,
    progress: Callable[[int, str], None] | None = None,
    narrative: dict | None = None,
) -> dict:
    """Everything the annual review of `compact` for `period` prints, as plain JSON data.
    `narrative` is what the steering group wrote (reviews.narrative.narrative_as_dataset), frozen
    into the dataset here so that a published version keeps it."""
    from .narrative import narrative_as_dataset

    narrative = narrative or narrative_as_dataset(None)
    report = progress or (lambda percent, message: None)
    start, end = period.start_date, period.end_date
    as_of, status_date = _build_dates(period, built_at)
    steps = _headline_steps(compact, period, as_of, status_date) + [
        (
            "progress",
            "Gathering last year's actions",
            lambda: progress_section(
                compact=compact, period=period, returns=return_actions_progress(period=period, as_of=as_of)
            ),
        ),
        ("actions", "Adding the actions for next year", lambda: actions_section(actions)),
    ]
    data = {}
    for n, (key, message, build) in enumerate(steps, start=1):
        data[key] = build()
        report(n * 100 // (len(steps) + 1), message)
    data["development"] = development_section(
        period=period,
        codes=codes_adopted_for_review(compact=compact, start=start, end=end),
        code_consultations=code_consultations_for_review(compact=compact, start=start, end=end),
        signatories=data["signatories"],
    )
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


def _build_dates(period: ReportingPeriod, built_at: datetime) -> tuple[date, date]:
    """(as_of, status_date). Lateness is judged on the day the review is built (a deadline passed by
    then with nothing done is late); a status (BME-led, seats held) on the period's last day, or on
    the build day if the period has not ended, never on a day still to come."""
    as_of = timezone.localtime(built_at).date() if timezone.is_aware(built_at) else built_at.date()
    return as_of, min(period.end_date, as_of)


def _headline_steps(compact: Compact, period: ReportingPeriod, as_of: date, status_date: date) -> list:
    """The sections the headline figures (`year_in_numbers`) are read from, as (key, progress
    message, build) steps. Each step asks one app for its typed result and prints it into a section."""
    start, end = period.start_date, period.end_date
    return [
        (
            "signatories",
            "Gathering signatories",
            lambda: sections.signatories_section(signatories_for_review(period=period), period=period),
        ),
        (
            "compliance",
            "Gathering compliance returns",
            lambda: sections.compliance_section(compliance_for_review(compact=compact, period=period, as_of=as_of)),
        ),
        (
            "funding",
            "Gathering funding figures",
            lambda: sections.funding_section(funding_for_review(compact=compact, start=start, end=end)),
        ),
        (
            "consultations",
            "Gathering consultations",
            lambda: sections.consultations_section(
                consultations_for_review(compact=compact, start=start, end=end, as_of=as_of)
            ),
        ),
        (
            "complaints",
            "Gathering complaint figures",
            lambda: _complaints(compact, start, end, as_of),
        ),
        (
            "bme_led",
            "Gathering BME-led organisations",
            lambda: sections.bme_led_section(
                bme_led_for_review(compact=compact, on_date=status_date), on_date=status_date
            ),
        ),
        (
            "representation",
            "Gathering representation",
            lambda: sections.representation_section(representation_for_review(compact=compact, on_date=status_date)),
        ),
    ]


def headline_figures(*, compact: Compact, period: ReportingPeriod, built_at: datetime) -> list[dict]:
    """An earlier year's headline figures recomputed from the records, for the trend when no review
    of that year was built: only the sections the figures are read from, not a whole dataset."""
    as_of, status_date = _build_dates(period, built_at)
    data = {key: build() for key, _, build in _headline_steps(compact, period, as_of, status_date)}
    return json_safe(year_in_numbers(data))["figures"]


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


def _complaints(compact: Compact, start: date, end: date, as_of: date) -> dict:
    # One read of the year's complaints and their stages serves the figures and the handling section.
    received = received_complaints(compact=compact, start=start, end=end)
    return sections.complaints_section(
        complaint_figures_for_review(compact=compact, start=start, end=end, as_of=as_of, received=received),
        handling=complaints_handling_for_review(compact=compact, start=start, end=end, received=received),
    )


def _is_empty(section: str, data: dict) -> bool:
    if section == "year_in_numbers":
        return False
    if section == "bme_led":
        return data["bme_led"]["empty"] and data["representation"]["empty"]
    return data[section]["empty"]


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
