"""What the funding app tells the annual review (§10.3): BME funding monitoring (§6.4, §6.10) of the
Compact's funders over the review period. The contract between this app and `reviews`, which reads
funding only through this module and the models.

The result, `FundingReview`, is the frozen dataclass the monitoring page, its CSV and the JSON API
also use (funding.selectors.monitoring, which defines every figure), so the review's figures are the
ones shown everywhere else. The review stores `FundingReview.as_dict()` in its dataset (dates as ISO
text, money and percentages as exact decimal text, docs/annual-review-dataset.md).

What each figure counts, over the period [start, end] and the funders that signed the Compact:

- `awards`, `awarded_value`: awards dated in the period and not withdrawn, in pounds (awards in
  other currencies are left out and counted in `awards_in_other_currencies`).
- `bme_led_awards`, `bme_led_value`, `bme_led_share_by_count`, `bme_led_share_by_value` (percent):
  those whose recipient was BME-led on the award date under the Compact's own rule (`bme_rule`),
  taking in organisations serving BME communities when that rule says so
  (`bme_sector_includes_serving_organisations`).
- `median_award`, `median_award_bme_led`, `median_award_other`: None when there is no award.
- `bme_led_applicants`, `other_vcs_applicants` (`ApplicantFigures`): voluntary and community sector
  applications submitted in the period; `approval_rate` = awarded ÷ (awarded + declined), percent.
- `bme_led_recipients`, `first_time_bme_led_recipients`: distinct BME-led organisations funded, and
  those with no earlier award from these funders.
- `multi_year_awards`, `multi_year_share`: awards planned for three years (36 months) or more.
- `withdrawals`, `withdrawn_value`, `joint_reviews_held`, `joint_reviews_outstanding`,
  `redistributions_completed`, `alternatives_considered`, `redistributed_within_bme_sector`: by the
  date each happened in the period.
- `communities_not_funded`: ONS minority groups served by no funded organisation;
  `service_areas_without_bme_led_funding`: service areas with voluntary sector awards but none BME-led.
"""

from datetime import date

from organisations.models import Compact

from .selectors.monitoring import ApplicantFigures, FundingMonitoring, funding_monitoring

FundingReview = FundingMonitoring

__all__ = ["ApplicantFigures", "FundingReview", "funding_for_review"]


def funding_for_review(*, compact: Compact, start: date, end: date) -> FundingReview:
    """Funding monitoring of the funders that signed `compact`, from `start` to `end` (both included)."""
    return funding_monitoring(start=start, end=end, compact=compact)
