"""The review's sections on the year's work under the Compact: funding, consultations and complaints."""

from common.dates import long_date
from complaints.models import Outcome as ComplaintOutcome
from complaints.review import ComplaintFigures
from consultations.review import ConsultationsReview
from funding.review import FundingReview

from ..charts import chart
from ..report_format import money, of, percent_text

STAGES = [("stage_1", "Stage 1"), ("stage_2", "Stage 2"), ("steering_group", "Steering group")]


def funding_section(figures: FundingReview) -> dict:
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


def consultations_section(data: ConsultationsReview) -> dict:
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


def complaints_section(figures: ComplaintFigures, *, handling: dict) -> dict:
    """`handling`: complaints.review.review_data, how complaints were handled against the Code."""
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
        "handling": handling,
        "chart": chart(
            id="complaint-outcomes",
            title="Outcomes of complaints closed",
            rows=[
                (str(label), figures["outcomes"][value], f"{figures['outcomes'][value]:,}")
                for value, label in ComplaintOutcome.choices
            ],
        ),
    }
