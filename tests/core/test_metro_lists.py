"""Lists that stay fast as rows grow (issue 17, item 3): the awards list's funder filter."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Award
from tests import factories as f

pytestmark = pytest.mark.django_db


def _award(n, funder, recipient):
    return Award.objects.create(
        identifier=f"360G-test-{n}",
        title=f"Grant {n}",
        description="Test",
        amount=Decimal(1000),
        award_date=datetime.date(2025, 5, 1),
        funder=funder,
        recipient=recipient,
    )


def test_the_funder_filter_lists_each_funder_once_by_name_found_with_exists(world, client):
    zebra = f.PublicBodyFactory(name="Zebra Borough Council", slug="zebra")
    for n in range(3):
        _award(n, world.council, world.group)
    _award(9, zebra, world.group)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("funding:award-list")).content.decode()
    options = page.split('<option value="">All funders</option>')[1].split("</select>")[0]
    assert options.count("Northshire Council") == 1
    assert options.index("Northshire Council") < options.index("Zebra Borough Council")
    assert "Northshire NHS Trust" not in options  # a public body that has made no award
    funder_query = next(q["sql"] for q in queries.captured_queries if "Zebra" not in q["sql"] and "EXISTS" in q["sql"])
    assert "DISTINCT" not in funder_query.upper()


def test_the_period_overview_shows_signatories_a_page_at_a_time_with_figures_for_all(world, client_for):
    from tests.undertakings.factories import make_code
    from undertakings.views.steering import OVERVIEW_PER_PAGE

    make_code(world.compact)
    extra = OVERVIEW_PER_PAGE + 7 - 3  # the world's Compact already has three signatories
    for n in range(extra):
        body = f.PublicBodyFactory.create(name=f"Metro Borough {n:03}", slug=f"metro-borough-{n}")
        f.SignatoryFactory(compact=world.compact, organisation=body)
    client = client_for(world.users["steering_member"])
    url = reverse("undertakings:period-overview", args=[world.period.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    total = OVERVIEW_PER_PAGE + 7
    assert first.count('<tr class="govuk-table__row">') - 1 == OVERVIEW_PER_PAGE  # less the header row
    assert second.count('<tr class="govuk-table__row">') - 1 == 7
    assert f"Showing 1 to {OVERVIEW_PER_PAGE} of {total}" in first
    # The figures count every signatory, not just this page's.
    assert (
        f'<span class="portal-figure__number">{total}</span><span class="portal-figure__label">not yet submitted'
        in (first)
    )
    assert 'aria-label="Pagination"' in first


def test_the_matrix_shows_twenty_bodies_a_page_and_counts_them_all(world, client_for):
    from tests.undertakings.factories import make_code
    from undertakings.models import ComplianceReturn, ReturnStatus
    from undertakings.views.steering import MATRIX_BODIES_PER_PAGE

    code = make_code(world.compact)
    total = MATRIX_BODIES_PER_PAGE + 5
    for n in range(total):
        body = f.PublicBodyFactory.create(name=f"Metro Borough {n:03}", slug=f"metro-borough-{n}")
        ComplianceReturn.objects.create(
            organisation=body, period=world.period, code=code, status=ReturnStatus.SUBMITTED
        )
    client = client_for(world.users["steering_member"])
    # The full grid of undertakings (the summary by section pages its bodies the same way).
    url = reverse("undertakings:matrix-full", args=[world.period.pk, code.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert f"Ratings of {total} bodies" in first
    assert first.count("Metro Borough ") == MATRIX_BODIES_PER_PAGE
    assert second.count("Metro Borough ") == 5
    assert "Metro Borough 000" in first and "Metro Borough 024" in second
    assert f"Showing bodies 1 to {MATRIX_BODIES_PER_PAGE}" in first


def _rated_by(world, code, bodies: int, rating: str):
    from undertakings.models import ComplianceEntry, ComplianceReturn, ReturnStatus

    undertaking = code.undertakings.filter(assessable=True).order_by("pk").first()
    for n in range(bodies):
        body = f.PublicBodyFactory.create(name=f"Metro Borough {n:03}", slug=f"metro-borough-{n}")
        compliance_return = ComplianceReturn.objects.create(
            organisation=body, period=world.period, code=code, status=ReturnStatus.SUBMITTED
        )
        ComplianceEntry.objects.create(
            compliance_return=compliance_return, undertaking=undertaking, rating=rating, explanation=f"Reason {n}"
        )
    return undertaking


def test_one_undertaking_s_ratings_come_fifty_bodies_a_page_counted_for_all(world, client_for):
    from tests.undertakings.factories import make_code
    from undertakings.models import Rating
    from undertakings.views.steering import RATINGS_PER_PAGE

    code = make_code(world.compact)
    total = RATINGS_PER_PAGE + 4
    undertaking = _rated_by(world, code, total, Rating.MET)
    client = client_for(world.users["steering_member"])
    url = reverse("undertakings:undertaking-detail", args=[world.period.pk, undertaking.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert first.count("Metro Borough ") == RATINGS_PER_PAGE and second.count("Metro Borough ") == 4
    assert "Metro Borough 000" in first and f"Metro Borough {total - 1:03}" in second
    assert f"Showing 1 to {RATINGS_PER_PAGE} of {total}" in first and 'rel="next"' in first
    # The count of each rating covers every body, on every page.
    met = '<th scope="row" class="govuk-table__header">Met</th>\n          <td class="govuk-table__cell govuk-table__cell--numeric">'
    assert f"{met}{total}</td>" in first and f"{met}{total}</td>" in second


@pytest.mark.parametrize("bodies", [20, 60])
def test_the_steering_pages_cost_the_same_queries_whatever_the_number_of_bodies(
    world, client_for, django_assert_num_queries, bodies
):
    from tests.undertakings.factories import make_code
    from undertakings.models import Rating

    code = make_code(world.compact)
    undertaking = _rated_by(world, code, bodies, Rating.PARTLY_MET)
    client = client_for(world.users["steering_member"])
    url = reverse("undertakings:undertaking-detail", args=[world.period.pk, undertaking.pk])
    client.get(url)
    # session, user, the period, roles (2), the undertaking; counts by rating; count, the page's
    # entries (bodies), their files and actions
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200
    matrix = reverse("undertakings:matrix", args=[world.period.pk, code.pk])
    client.get(matrix)
    # session, user, the period, roles (2), the Code; sections, returns with their counts, the
    # counted entries, the signatories' names
    with django_assert_num_queries(10):
        assert client.get(matrix).status_code == 200
