"""The review's sections on the signatories: who signed, how their compliance returns went, which are
BME-led, and the sector's representatives on boards."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from common.dates import long_date
from organisations.models import WHITE_BRITISH_CODE, Sector
from organisations.review import BME_LED, OUTCOMES, BmeLedReview, OutcomeCounts
from representation.review import RepresentationReview
from undertakings.models import ReportingPeriod
from undertakings.review import ComplianceReview, RatingCounts, SignatoryRow

from ..charts import chart
from ..report_format import of, percent_text, share_percent

RETURN_STATUSES = [
    ("reviewed", "Reviewed"),
    ("submitted", "Submitted, awaiting review"),
    ("returned", "Returned for changes"),
    ("draft", "Draft"),
    ("not_started", "Not started"),
]


def signatories_section(rows: list[SignatoryRow], *, period: ReportingPeriod) -> dict:
    """Organisations that were signatories at some time during the period."""
    labels = dict(Sector.choices)
    organisations = [
        {
            "name": s["name"],
            "org_id": s["org_id"],
            "sector": s["sector"],
            "sector_label": labels.get(s["sector"], s["sector"]),
            "signed_on": s["signed_on"].isoformat(),
            "signed_on_display": long_date(s["signed_on"]),
            "withdrawn_on": s["withdrawn_on"].isoformat() if s["withdrawn_on"] else None,
            "withdrawn_on_display": long_date(s["withdrawn_on"]),
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
        "signed_in_period": sum(1 for s in rows if s["signed_on"] >= period.start_date),
        "withdrawn_in_period": sum(
            1 for s in rows if s["withdrawn_on"] is not None and s["withdrawn_on"] <= period.end_date
        ),
        "organisations": organisations,
    }


def _score_display(score) -> str:
    if score is None:
        return "Not started"
    if score["percent"] is None:
        return "No applicable undertakings"
    return f"{score['percent']} ({score['numerator']} of {score['denominator']})"


def compliance_section(summary: ComplianceReview) -> dict:
    """Compliance by undertaking and by body, with every comply-or-explain statement."""
    bodies = [{**body, "score_display": _score_display(body["score"])} for body in summary["bodies"]]
    by_status = {value: sum(1 for b in bodies if b["status"] == value) for value, _ in RETURN_STATUSES}
    statuses = [
        {"status": value, "label": label, "count": by_status[value], "display": f"{by_status[value]:,}"}
        for value, label in RETURN_STATUSES
    ]
    scores = [
        Fraction(b["score"]["numerator"]) / b["score"]["denominator"]
        for b in summary["bodies"]
        if b["counted"] and b["score"] and b["score"]["denominator"]
    ]
    average = share_percent(sum(scores, Fraction(0)) / len(scores)) if scores else None
    undertakings = [{**item, "rated": _rated(item["counts"])} for item in summary["undertakings"]]
    # A return not given in by its due date counts against the on-time rate, like one given in late.
    judged = [b for b in summary["bodies"] if b["on_time"] is not None]
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
        "undertakings": undertakings,
        "statements": summary["statements"],
        "return_actions": actions,
        "return_actions_overdue": sum(1 for a in actions if a["overdue"]),
        "chart": chart(
            id="returns-by-status",
            title="Compliance returns by status",
            rows=[(label, by_status[value], f"{by_status[value]:,}") for value, label in RETURN_STATUSES],
        ),
    }


def _rated(counts: RatingCounts) -> int:
    """Ratings given: every rating but "not assessed"."""
    return counts["met"] + counts["partly_met"] + counts["not_met"] + counts["not_applicable"]


def bme_led_section(summary: BmeLedReview, *, on_date: date) -> dict:
    outcome_rows = [
        {
            "outcome": value,
            "label": label,
            "signatories": summary["signatories"]["by_outcome"][value],
            "voluntary_organisations": summary["voluntary_organisations"]["by_outcome"][value],
        }
        for value, label in OUTCOMES
    ]
    voluntary = summary["voluntary_organisations"]["by_outcome"]
    return {
        **summary,
        "empty": not summary["voluntary_organisations"]["total"],
        "on_date_display": long_date(on_date),
        "threshold_display": percent_text(Decimal(summary["threshold"]) * 100),
        "outcome_rows": outcome_rows,
        "signatories_share_display": _share_display(summary["signatories"]),
        "voluntary_share_display": _share_display(summary["voluntary_organisations"]),
        "communities_without": [
            c["name"]
            for c in summary["communities"]
            if not c["bme_led_organisations"] and c["code"] != WHITE_BRITISH_CODE
        ],
        "chart": chart(
            id="bme-led-outcomes",
            title="Voluntary and community organisations by BME-led status",
            rows=[(label, voluntary[value], f"{voluntary[value]:,}") for value, label in OUTCOMES],
        ),
    }


def _share_display(counts: OutcomeCounts) -> str:
    return of(counts["by_outcome"][BME_LED], counts["total"])


def representation_section(data: RepresentationReview) -> dict:
    return {
        **data,
        "empty": not data["appointments"],
        "on_date_display": long_date(data["on_date"]),
    }
