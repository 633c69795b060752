"""What the organisations app tells the annual review (§10.3): BME-led organisations in the
Compact's areas on a date. The contract between this app and `reviews`, which reads organisations
only through this module, the models and `roles` (permissions).

The result is a TypedDict of plain JSON data, the shape the review's frozen dataset stores
(docs/annual-review-dataset.md): a change of key here is a change of the published dataset.
"""

from datetime import date
from typing import TypedDict, cast

from .bme_led import Outcome
from .models import Compact
from .selectors.review import bme_led_summary

# The BME-led outcomes in the order the review prints them, with their labels.
OUTCOMES: list[tuple[str, str]] = [(str(value), str(label)) for value, label in Outcome.choices]
BME_LED = str(Outcome.BME_LED)


class CompactRef(TypedDict):
    slug: str
    name: str


class BmeDefinition(TypedDict):
    """The BME-led rule that answered: the Compact's own (from its Code) or the portal default."""

    name: str
    version: str
    label: str
    threshold: str  # share of the board, as decimal text, e.g. "0.75"
    strictly_more: bool  # more than the threshold, rather than at least
    code: str | None  # slug of the Code that defines it; None for the portal default
    portal_reading: bool  # the portal's reading of the Code rather than the Code's own words
    basis: str
    serving_organisations_count: bool  # the "BME sector" also takes in organisations serving BME communities
    transition_months: int  # months an organisation stays BME-led after it stops meeting the rule (0: none)
    clauses: dict[str, object]


class OutcomeCounts(TypedDict):
    """Organisations counted by their BME-led outcome on the date."""

    total: int
    by_outcome: dict[str, int]  # every outcome in OUTCOMES, 0 when none
    bme_led_share: str  # BME-led / total as decimal text rounded down, "0" when none


class BmeLedOrganisation(TypedDict):
    name: str
    org_id: str
    signatory: bool  # a signatory of the Compact on the date
    communities_served: list[str]  # ONS 2021 group names, in census order


class CommunityServed(TypedDict):
    """One of the 19 ONS 2021 ethnic groups, in census order."""

    code: str
    name: str
    high_level_group: str
    bme_led_organisations: int  # BME-led organisations that serve it (0: none does)


class BmeLedReview(TypedDict):
    """Voluntary and community organisations listed in the Compact's areas, and their BME-led status
    under the Compact's own rule on `on_date` (the period's last day, or the build day if the period
    has not ended). Public bodies and private companies are left out; an organisation with no area
    recorded counts in no Compact."""

    compact: CompactRef
    on_date: str
    threshold: str  # the rule's threshold, as decimal text
    definition: BmeDefinition
    signatories: OutcomeCounts  # those that were signatories of the Compact on the date
    voluntary_organisations: OutcomeCounts  # every listed voluntary and community organisation
    bme_led_organisations: list[BmeLedOrganisation]  # by name
    communities: list[CommunityServed]


def bme_led_for_review(*, compact: Compact, on_date: date) -> BmeLedReview:
    """BME-led organisations in `compact`'s areas on `on_date` (organisations.selectors.review)."""
    return cast(BmeLedReview, bme_led_summary(compact=compact, on_date=on_date))
