"""Sections of the annual review dataset drawn from funding, consultations, complaints,
organisations and representation. Each calls the app's own summary selector and adds the printed
text and charts; none queries another app's models."""

from datetime import date
from decimal import Decimal

from common.dates import long_date
from complaints.models import Outcome as ComplaintOutcome
from complaints.review import review_data as complaints_review_data
from complaints.selectors.figures import complaint_figures
from consultations.review import consultations_for_review
from funding.selectors.monitoring import funding_monitoring
from organisations.bme_led import Outcome
from organisations.models import WHITE_BRITISH_CODE
from organisations.selectors.review import bme_led_summary
from representation.review import representation_for_review

from .charts import chart
from .report_format import money, of, percent_text

STAGES = [("stage_1", "Stage 1"), ("stage_2", "Stage 2"), ("steering_group", "Steering group")]


def funding_section(*, compact, start: date, end: date) -> dict:
    figures = funding_monitoring(start=start, end=end, compact=compact)
    data = figures.as_dict()
    applicants = [
        ("BME-led organisations", data["bme_led_applicants"]),
        ("Other voluntary and community organisations", data["other_vcs_applicants"]),
    ]
    rows = [
        ("Awards made", f"{figures.awards:,}"),
        ("Value of awards", money(figures.awarded_value)),
        ("Awards to BME-led organisations", f"{figures.bme_led_awards:,}"),
        ("Value of awards to BME-led organisations", money(figures.bme_led_value)),
        ("Share of awards to BME-led organisations (by number)", percent_text(figures.bme_led_share_by_count)),
        ("Share of awards to BME-led organisations (by value)", percent_text(figures.bme_led_share_by_value)),
        ("Median award", money(figures.median_award) if figures.median_award is not None else "No data"),
        (
            "Median award to a BME-led organisation",
            money(figures.median_award_bme_led) if figures.median_award_bme_led is not None else "No data",
        ),
        ("BME-led organisations funded", f"{figures.bme_led_recipients:,}"),
        ("BME-led organisations funded for the first time", f"{figures.first_time_bme_led_recipients:,}"),
        (
            "Multi-year awards (3 years or more)",
            f"{figures.multi_year_awards:,} ({percent_text(figures.multi_year_share)})",
        ),
        ("Awards withdrawn", f"{figures.withdrawals:,} ({money(figures.withdrawn_value)})"),
        ("Joint reviews held after a withdrawal", f"{figures.joint_reviews_held:,}"),
        ("Joint reviews still to be held", f"{figures.joint_reviews_outstanding:,}"),
        ("Redistributions completed", f"{figures.redistributions_completed:,}"),
        ("Redistributions where a BME-led alternative was considered", f"{figures.alternatives_considered:,}"),
        ("Funding redistributed to BME-led organisations", money(figures.redistributed_within_bme_sector)),
    ]
    applications = figures.bme_led_applicants.applications + figures.other_vcs_applicants.applications
    return {
        "empty": not (figures.awards or applications or figures.withdrawals or figures.redistributions_completed),
        "figures": data,
        "rows": [{"label": label, "display": display} for label, display in rows],
        "applicants": [
            {
                "group": group,
                "applications": f["applications"],
                "awarded": f["awarded"],
                "declined": f["declined"],
                "approval_rate_display": percent_text(f["approval_rate"]),
                "average_awarded_display": money(f["average_awarded"])
                if f["average_awarded"] is not None
                else "No data",
            }
            for group, f in applicants
        ],
        "communities_not_funded": data["communities_not_funded"],
        "service_areas_without_bme_led_funding": data["service_areas_without_bme_led_funding"],
        "share_chart": chart(
            id="funding-share",
            title="Share of funding to BME-led organisations",
            rows=[
                ("By number of awards", figures.bme_led_share_by_count, percent_text(figures.bme_led_share_by_count)),
                ("By value of awards", figures.bme_led_share_by_value, percent_text(figures.bme_led_share_by_value)),
            ],
            scale_to=100,
        ),
        "approval_chart": chart(
            id="approval-rates",
            title="Approval rates of voluntary and community sector applications",
            rows=[
                (group, f.approval_rate, percent_text(f.approval_rate))
                for group, f in [
                    ("BME-led organisations", figures.bme_led_applicants),
                    ("Other organisations", figures.other_vcs_applicants),
                ]
            ],
            scale_to=100,
        ),
    }


def consultations_section(*, compact, start: date, end: date, as_of: date) -> dict:
    data = consultations_for_review(compact=compact, start=start, end=end, as_of=as_of)
    t = data["totals"]
    rows = [
        ("Consultations", f"{t['consultations']:,}"),
        ("Shorter than 12 weeks (with a recorded reason)", f"{t['shorter_than_12_weeks']:,}"),
        ("Organisations invited", f"{t['invited']:,}"),
        ("BME-led organisations invited", f"{t['invited_bme_led']:,}"),
        ("Organisations that responded", f"{t['responding_organisations']:,}"),
        ("BME-led organisations that responded", f"{t['responding_bme_led']:,}"),
        ("Comments received", f"{t['comments']:,}"),
        ("Comments answered", of(t["responded"], t["comments"])),
        ("Responses published", f"{t['responses_published']:,}"),
        (
            "Responses on time (within 12 weeks of closing; an overdue one counts as late)",
            of(t["responses_published_on_time"], t["responses_due"]),
        ),
        ("Responses overdue", f"{t['responses_overdue']:,}"),
    ]
    consultations = [
        {**c, "opens_display": long_date(c.get("opens")), "closes_display": long_date(c.get("closes"))}
        for c in data["consultations"]
    ]
    return {
        "empty": not t["consultations"],
        "totals": t,
        "rows": [{"label": label, "display": display} for label, display in rows],
        "consultations": consultations,
        "dispositions": [{**d, "display": f"{d['count']:,}"} for d in data["dispositions"]],
        "chart": chart(
            id="dispositions",
            title="How comments were answered",
            rows=[(d["label"], d["count"], f"{d['count']:,}") for d in data["dispositions"]],
        ),
    }


def complaints_section(*, compact, start: date, end: date, as_of: date) -> dict:
    figures = complaint_figures(compact=compact, start=start, end=end, as_of=as_of)
    outcomes = [
        {"outcome": value, "label": label, "count": n, "display": f"{n:,}"}
        for value, label in ComplaintOutcome.choices
        for n in [figures["outcomes"][value]]
    ]
    stages = []
    for key, label in STAGES:
        t = figures["timeliness"][key]
        days = t["median_working_days_to_reply"]
        stages.append(
            {
                "stage": key,
                "label": label,
                "opened": t["opened"],
                # Overdue stages are in the base: "3 of 5" when two wait past their deadline.
                "acknowledged_on_time_display": of(t["acknowledged_on_time"], t["acknowledgement_due"]),
                "answered_on_time_display": of(t["answered_on_time"], t["reply_due"]),
                "acknowledgement_overdue": t["acknowledgement_overdue"],
                "reply_overdue": t["reply_overdue"],
                "extended": t["extended"],
                "median_days_display": "No replies" if days is None else f"{days:g} working days",
            }
        )
    return {
        **figures,
        "empty": not figures["received"],
        "outcomes_upheld_any": figures["outcomes"]["upheld"] + figures["outcomes"]["partly_upheld"],
        "outcome_rows": outcomes,
        "stage_rows": stages,
        "learning": [{**item, "closed_on_display": long_date(item["closed_on"])} for item in figures["learning"]],
        # How complaints were handled against the Complaint Handling Code (complaints/review.py).
        "handling": complaints_review_data(compact=compact, start=start, end=end),
        "chart": chart(
            id="complaint-outcomes",
            title="Outcomes of complaints closed",
            rows=[(o["label"], o["count"], f"{o['count']:,}") for o in outcomes],
        ),
    }


def bme_led_section(*, compact, on_date: date) -> dict:
    summary = bme_led_summary(compact=compact, on_date=on_date)
    labels = dict(Outcome.choices)
    outcome_rows = [
        {
            "outcome": value,
            "label": labels[value],
            "signatories": summary["signatories"]["by_outcome"][value],
            "voluntary_organisations": summary["voluntary_organisations"]["by_outcome"][value],
        }
        for value in Outcome.values
    ]
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
            rows=[
                (r["label"], r["voluntary_organisations"], f"{r['voluntary_organisations']:,}") for r in outcome_rows
            ],
        ),
    }


def _share_display(counts: dict) -> str:
    return of(counts["by_outcome"][Outcome.BME_LED], counts["total"])


def representation_section(*, compact, on_date: date) -> dict:
    data = representation_for_review(compact=compact, on_date=on_date)
    return {
        **data,
        "empty": not data["appointments"],
        "on_date_display": long_date(data["on_date"]),
    }
