from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common.api import error_response, json_response, open_data
from common.charts import WEB, bar_chart
from common.csv_export import csv_response
from common.dates import long_date
from funding.forms import financial_year_choices
from funding.selectors import FundingMonitoring, funding_monitoring, resolve_funder
from funding.templatetags.funding_tags import percent, pounds
from organisations.forms.public import resolve_compact
from organisations.models import Compact, Organisation

from .common import requested_period


def monitoring_for_request(request) -> tuple[FundingMonitoring, dict[str, list[str]]]:
    """The figures the query asks for, and the filters refused (by parameter). A refused filter is
    left out of the figures; the page says so, the download and the API refuse instead."""
    start, end = requested_period(request)
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    funder, funder_error = resolve_funder(request.GET.get("funder", ""), compact)
    errors = {name: [message] for name, message in (("compact", compact_error), ("funder", funder_error)) if message}
    return funding_monitoring(start=start, end=end, funder=funder, compact=compact), errors


def _charts(m: FundingMonitoring):
    other_value = m.awarded_value - m.bme_led_value
    return [
        bar_chart(
            layout=WEB,
            id="chart-value",
            title="Funding awarded, by recipient",
            rows=[
                (
                    "BME-led organisations",
                    m.bme_led_value,
                    f"{pounds(m.bme_led_value)} ({percent(m.bme_led_share_by_value)})",
                ),
                ("Other recipients", other_value, pounds(other_value)),
            ],
        ),
        bar_chart(
            layout=WEB,
            id="chart-count",
            title="Number of awards, by recipient",
            rows=[
                (
                    "BME-led organisations",
                    m.bme_led_awards,
                    f"{m.bme_led_awards} ({percent(m.bme_led_share_by_count)})",
                ),
                ("Other recipients", m.awards - m.bme_led_awards, str(m.awards - m.bme_led_awards)),
            ],
        ),
        bar_chart(
            layout=WEB,
            id="chart-approval",
            title="Approval rate of applications",
            scale_to=100,
            rows=[
                ("BME-led applicants", m.bme_led_applicants.approval_rate, percent(m.bme_led_applicants.approval_rate)),
                (
                    "Other VCS applicants",
                    m.other_vcs_applicants.approval_rate,
                    percent(m.other_vcs_applicants.approval_rate),
                ),
            ],
        ),
        bar_chart(
            layout=WEB,
            id="chart-median",
            title="Median award",
            rows=[
                ("All awards", m.median_award, pounds(m.median_award)),
                ("BME-led organisations", m.median_award_bme_led, pounds(m.median_award_bme_led)),
                ("Other recipients", m.median_award_other, pounds(m.median_award_other)),
            ],
        ),
    ]


def monitoring_page(request):
    m, errors = monitoring_for_request(request)
    return render(
        request,
        "funding/monitoring.html",
        {
            "m": m,
            "errors": errors,
            "charts": _charts(m),
            "applicant_groups": [("BME-led", m.bme_led_applicants), ("Other VCS", m.other_vcs_applicants)],
            "period": f"{long_date(m.start)} to {long_date(m.end)}",
            "years": financial_year_choices(timezone.localdate()),
            "selected_year": str(m.start.year) if (m.start.month, m.start.day) == (4, 1) else "",
            "funders": Organisation.objects.with_standing().order_by("name"),
            "compacts": Compact.objects.order_by("name"),
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Funding programmes", reverse("funding:programme-list")),
                ("BME funding monitoring", None),
            ],
        },
    )


def monitoring_rows(m: FundingMonitoring):
    """The figures as (figure, value) rows: one list for the CSV and anything else that wants it."""
    b, o = m.bme_led_applicants, m.other_vcs_applicants
    return [
        ("Period start", m.start),
        ("Period end", m.end),
        ("Funder", m.funder or "All"),
        ("Compact", m.compact or "All"),
        ("Awards", m.awards),
        ("Value of awards (GBP)", m.awarded_value),
        ("Awards to BME-led organisations", m.bme_led_awards),
        ("Value to BME-led organisations (GBP)", m.bme_led_value),
        ("Share to BME-led organisations by count (%)", m.bme_led_share_by_count),
        ("Share to BME-led organisations by value (%)", m.bme_led_share_by_value),
        ("Median award (GBP)", m.median_award),
        ("Median award, BME-led (GBP)", m.median_award_bme_led),
        ("Median award, other (GBP)", m.median_award_other),
        ("Applications, BME-led", b.applications),
        ("Approval rate, BME-led (%)", b.approval_rate),
        ("Average awarded, BME-led (GBP)", b.average_awarded),
        ("Applications, other VCS", o.applications),
        ("Approval rate, other VCS (%)", o.approval_rate),
        ("Average awarded, other VCS (GBP)", o.average_awarded),
        ("Minority ethnic communities served by no funded organisation", "; ".join(m.communities_not_funded)),
        ("Service areas with VCS funding but no BME-led funding", "; ".join(m.service_areas_without_bme_led_funding)),
        ("BME-led recipients", m.bme_led_recipients),
        ("First-time BME-led recipients", m.first_time_bme_led_recipients),
        ("Awards of three years or more", m.multi_year_awards),
        ("Share of awards of three years or more (%)", m.multi_year_share),
        ("Withdrawals", m.withdrawals),
        ("Value withdrawn (GBP)", m.withdrawn_value),
        ("Joint reviews held", m.joint_reviews_held),
        ("Joint reviews outstanding", m.joint_reviews_outstanding),
        ("Redistributions completed", m.redistributions_completed),
        ("Alternative BME-led organisation considered", m.alternatives_considered),
        ("Funding redistributed within the BME sector (GBP)", m.redistributed_within_bme_sector),
    ]


def monitoring_csv(request):
    m, errors = monitoring_for_request(request)
    if errors:
        return HttpResponseBadRequest(
            "\n".join(e for messages in errors.values() for e in messages), content_type="text/plain"
        )
    return csv_response(f"funding-monitoring-{m.start}-{m.end}.csv", ["Figure", "Value"], monitoring_rows(m))


@open_data
def monitoring_api(request):
    m, errors = monitoring_for_request(request)
    return error_response(errors) if errors else json_response(m.as_dict())
