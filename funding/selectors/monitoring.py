"""BME funding monitoring (§6.4, §6.10): every figure for a period, from a handful of aggregate queries.

The monitoring page, its CSV, the JSON API and the annual review all call `funding_monitoring`, so
the figures agree wherever they are shown. Definitions:

- "Awards" are awards dated in the period that have not been withdrawn; "BME-led" means the
  recipient's outcome recorded on the award date (applications: on the submission date). For a
  Compact whose definition counts organisations mainly serving BME communities as BME sector
  (Northamptonshire §6.10.5), the "bme_led_*" figures take those in too
  (`bme_sector_includes_serving_organisations` says so).
- Approval rate = awarded ÷ (awarded + declined) among voluntary and community sector applications
  submitted in the period; applications withdrawn by the applicant or awaiting a decision are counted
  but are not part of the rate.
- A first-time BME-led recipient had no earlier award (before the period) from the funders in scope.
- Multi-year awards have planned dates of at least three years (36 whole months).
- Withdrawals, joint reviews held and funding redistributed count by the date each happened.

Queries (at most 8, whatever the number of rows): 1 for the Compact's BME-led definition; 1 aggregate
over awards; up to 3 for the medians; 1 aggregate over applications; 1 for communities served by no
funded organisation; 1 for service areas with VCS funding but no BME-led funding.

Medians are computed in the database, portably: ORDER BY amount with LIMIT/OFFSET at the middle, so
at most two amounts leave the database whatever the number of awards. SQLite has no median function
and PostgreSQL's percentile_cont is not portable; window functions would work on both but say the
same thing less plainly.
"""

from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Aggregate, Count, Q, QuerySet, Sum

from common.jsonsafe import json_safe
from funding.models import MULTI_YEAR_MONTHS, Application, ApplicationStatus, Award, AwardStatus
from organisations.bme_definitions import rule_for
from organisations.bme_led import Outcome
from organisations.models import Compact, EthnicGroup, Organisation, Sector

from .scope import funding_scope

PENNY = Decimal("0.01")
TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class ApplicantFigures:
    applications: int
    awarded: int
    declined: int
    withdrawn: int
    awaiting_decision: int
    approval_rate: Decimal | None  # percent of decided applications that were awarded
    average_awarded: Decimal | None  # mean amount of the awards made to these applications


@dataclass(frozen=True, slots=True)
class FundingMonitoring:
    start: date
    end: date
    funder: str | None  # org-id of the one funder asked about
    compact: str | None  # slug of the Compact asked about
    awards: int
    awarded_value: Decimal
    bme_led_awards: int
    bme_led_value: Decimal
    bme_led_share_by_count: Decimal | None  # percent
    bme_led_share_by_value: Decimal | None  # percent
    median_award: Decimal | None
    median_award_bme_led: Decimal | None
    median_award_other: Decimal | None
    bme_led_applicants: ApplicantFigures
    other_vcs_applicants: ApplicantFigures
    communities_not_funded: tuple[str, ...]
    service_areas_without_bme_led_funding: tuple[str, ...]
    bme_led_recipients: int
    first_time_bme_led_recipients: int
    multi_year_awards: int
    multi_year_share: Decimal | None  # percent of awards
    withdrawals: int
    withdrawn_value: Decimal
    joint_reviews_held: int
    joint_reviews_outstanding: int
    redistributions_completed: int
    alternatives_considered: int
    redistributed_within_bme_sector: Decimal
    # The Compact's BME-led rule (name and version) behind the figures, and whether its "BME sector"
    # also takes in organisations mainly serving BME communities (then "bme_led_*" figures count them).
    bme_rule: str = ""
    bme_sector_includes_serving_organisations: bool = False
    # Awards in the period in other currencies than pounds: every figure above leaves them out.
    awards_in_other_currencies: int = 0

    def as_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, money and percentages as exact decimal strings."""
        return json_safe(asdict(self))


def percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def _money(value) -> Decimal:
    return (value or Decimal(0)).quantize(PENNY, rounding=ROUND_HALF_UP)


def _median(amounts: QuerySet, count: int) -> Decimal | None:
    if not count:
        return None
    middle = list(amounts.order_by("amount").values_list("amount", flat=True)[(count - 1) // 2 : count // 2 + 1])
    return _money(sum(middle) / len(middle))


def _applicant_figures(totals: dict, prefix: str) -> ApplicantFigures:
    awarded, declined = totals[f"{prefix}_awarded"], totals[f"{prefix}_declined"]
    with_award = totals[f"{prefix}_with_award"]
    return ApplicantFigures(
        applications=totals[f"{prefix}_applications"],
        awarded=awarded,
        declined=declined,
        withdrawn=totals[f"{prefix}_withdrawn"],
        awaiting_decision=totals[f"{prefix}_awaiting"],
        approval_rate=percent(awarded, awarded + declined),
        average_awarded=_money(totals[f"{prefix}_award_value"] / with_award) if with_award else None,
    )


def _applications(start: date, end: date, programme_scope: Q, *, serving: bool = False) -> dict:
    applications = Application.objects.filter(
        programme_scope, submitted_on__range=(start, end), applicant__sector=Sector.VOLUNTARY
    )
    bme = Q(bme_led_outcome=Outcome.BME_LED)
    if serving:
        bme |= Q(applicant__in=Organisation.objects.serving_bme_communities().values("pk"))
    groups = {"bme": bme, "other": ~bme}
    aggregates: dict[str, Aggregate] = {}
    for prefix, group in groups.items():
        aggregates |= {
            f"{prefix}_applications": Count("pk", filter=group),
            f"{prefix}_awarded": Count("pk", filter=group & Q(status=ApplicationStatus.AWARDED)),
            f"{prefix}_declined": Count("pk", filter=group & Q(status=ApplicationStatus.DECLINED)),
            f"{prefix}_withdrawn": Count("pk", filter=group & Q(status=ApplicationStatus.WITHDRAWN)),
            f"{prefix}_awaiting": Count("pk", filter=group & Q(status=ApplicationStatus.SUBMITTED)),
            f"{prefix}_with_award": Count("award", filter=group & Q(status=ApplicationStatus.AWARDED)),
            f"{prefix}_award_value": Sum("award__amount", filter=group & Q(status=ApplicationStatus.AWARDED)),
        }
    return applications.aggregate(**aggregates)


def funding_monitoring(
    *, start: date, end: date, funder: Organisation | None = None, compact: Compact | None = None
) -> FundingMonitoring:
    funder_scope = funding_scope(funder, compact)
    scope = Award.objects.filter(funder_scope)
    period = (start, end)
    in_period = Q(award_date__range=period) & ~Q(status=AwardStatus.WITHDRAWN)
    kept = in_period & Q(currency="GBP")
    rule = rule_for(compact, end) if compact is not None else None
    serving = rule is not None and rule.serving_organisations_count
    bme = Q(recipient_bme_led_outcome=Outcome.BME_LED)
    redistributed_bme = Q(redistribution__alternative_bme_led_outcome=Outcome.BME_LED)
    if serving:
        serving_ids = Organisation.objects.serving_bme_communities().values("pk")
        bme |= Q(recipient__in=serving_ids)
        redistributed_bme |= Q(redistribution__alternative__in=serving_ids)
    withdrawn = Q(status=AwardStatus.WITHDRAWN, withdrawn_on__range=period)
    held = Q(joint_review__completed_on__isnull=False, joint_review__held_on__range=period)
    redistributed = Q(redistribution__completed_on__range=period)
    earlier_recipients = scope.filter(award_date__lt=start).exclude(status=AwardStatus.WITHDRAWN).values("recipient_id")

    totals = scope.filter(
        Q(award_date__range=period)
        | Q(withdrawn_on__range=period)
        | Q(joint_review__held_on__range=period)
        | redistributed
    ).aggregate(
        awards=Count("pk", filter=kept),
        other_currencies=Count("pk", filter=in_period & ~Q(currency="GBP")),
        value=Sum("amount", filter=kept),
        bme_awards=Count("pk", filter=kept & bme),
        bme_value=Sum("amount", filter=kept & bme),
        multi_year=Count("pk", filter=kept & Q(planned_months__gte=MULTI_YEAR_MONTHS)),
        bme_recipients=Count("recipient", distinct=True, filter=kept & bme),
        first_time=Count("recipient", distinct=True, filter=kept & bme & ~Q(recipient__in=earlier_recipients)),
        withdrawals=Count("pk", filter=withdrawn),
        withdrawn_value=Sum("amount", filter=withdrawn & Q(currency="GBP")),
        reviews_held=Count("joint_review", filter=held),
        reviews_outstanding=Count("joint_review", filter=withdrawn & Q(joint_review__completed_on__isnull=True)),
        redistributions=Count("redistribution", filter=redistributed),
        alternatives=Count("redistribution", filter=redistributed & Q(redistribution__alternative_considered=True)),
        redistributed_bme=Sum(
            "redistribution__amount",
            filter=redistributed & redistributed_bme,
        ),
    )
    awarded = scope.filter(kept)
    value, bme_value = _money(totals["value"]), _money(totals["bme_value"])
    applications = _applications(
        start, end, funding_scope(funder, compact, via="programme__", party="applicant"), serving=serving
    )
    funded = awarded.values("recipient_id")
    communities = (
        EthnicGroup.objects.minority()
        .exclude(organisations__in=funded)
        .order_by("position")
        .values_list("name", flat=True)
    )
    service_areas = (
        awarded.filter(recipient__sector=Sector.VOLUNTARY, programme__service_area__isnull=False)
        .values("programme__service_area__name")
        .annotate(bme_awards=Count("pk", filter=bme))
        .filter(bme_awards=0)
        .order_by("programme__service_area__name")
        .values_list("programme__service_area__name", flat=True)
    )
    return FundingMonitoring(
        start=start,
        end=end,
        funder=funder.org_id if funder else None,
        compact=compact.slug if compact else None,
        awards=totals["awards"],
        awarded_value=value,
        bme_led_awards=totals["bme_awards"],
        bme_led_value=bme_value,
        bme_led_share_by_count=percent(totals["bme_awards"], totals["awards"]),
        bme_led_share_by_value=percent(bme_value, value),
        median_award=_median(awarded, totals["awards"]),
        median_award_bme_led=_median(awarded.filter(bme), totals["bme_awards"]),
        median_award_other=_median(awarded.exclude(bme), totals["awards"] - totals["bme_awards"]),
        bme_led_applicants=_applicant_figures(applications, "bme"),
        other_vcs_applicants=_applicant_figures(applications, "other"),
        communities_not_funded=tuple(communities),
        service_areas_without_bme_led_funding=tuple(service_areas),
        bme_led_recipients=totals["bme_recipients"],
        first_time_bme_led_recipients=totals["first_time"],
        multi_year_awards=totals["multi_year"],
        multi_year_share=percent(totals["multi_year"], totals["awards"]),
        withdrawals=totals["withdrawals"],
        withdrawn_value=_money(totals["withdrawn_value"]),
        joint_reviews_held=totals["reviews_held"],
        joint_reviews_outstanding=totals["reviews_outstanding"],
        redistributions_completed=totals["redistributions"],
        alternatives_considered=totals["alternatives"],
        redistributed_within_bme_sector=_money(totals["redistributed_bme"]),
        bme_rule=rule.label if rule is not None else "",
        bme_sector_includes_serving_organisations=serving,
        awards_in_other_currencies=totals["other_currencies"],
    )
