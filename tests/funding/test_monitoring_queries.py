"""The monitoring selector runs the same number of queries for 10 awards and for 10,000."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.models import Award
from funding.selectors import funding_monitoring
from organisations.bme_led import Outcome
from organisations.models import Compact
from tests import factories as f

START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


def _awards(count: int) -> Compact:
    funder = f.PublicBodyFactory.create()
    compact = f.CompactFactory.create(slug="queries")
    f.SignatoryFactory(compact=compact, organisation=funder)
    recipients = [f.OrganisationFactory.create() for _ in range(5)]
    outcomes = [Outcome.BME_LED, Outcome.NOT_BME_LED]
    Award.objects.bulk_create(
        Award(
            identifier=f"360G-bulk-{n}",
            title=f"Grant {n}",
            description="Bulk",
            amount=Decimal(100 + n % 997),
            award_date=START + datetime.timedelta(days=n % 365),
            recipient=recipients[n % 5],
            funder=funder,
            recipient_bme_led_outcome=outcomes[n % 2],
            planned_months=12 + n % 40,
        )
        for n in range(count)
    )
    return compact


def _queries(count: int) -> int:
    compact = _awards(count)
    with CaptureQueriesContext(connection) as captured:
        figures = funding_monitoring(start=START, end=END, compact=compact)
    assert figures.awards == count
    return len(captured)


@pytest.mark.django_db
def test_same_number_of_queries_for_ten_and_ten_thousand_awards():
    # 1 award aggregate + 3 medians (all, BME-led, other) + 1 application aggregate
    # + 1 communities + 1 service areas + 1 for the Compact's BME-led definition.
    small = _queries(10)
    Award.objects.all().delete()
    large = _queries(10_000)
    assert small == large == 8
