"""List pages make the same number of queries however many bodies and undertakings there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import MembershipRole
from tests import factories as f
from undertakings.models import ComplianceEntry, ComplianceReturn, Rating, ReturnStatus

from .factories import wide_code

pytestmark = pytest.mark.django_db

RATINGS = [Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE]


def bodies_with_returns(world, code, count: int, *, member=None, status=ReturnStatus.SUBMITTED):
    """`count` public bodies that signed world.compact, each with a rated return for world.period."""
    for n in range(count):
        body = f.PublicBodyFactory.create(name=f"Body {n:02d}")
        f.SignatoryFactory(compact=world.compact, organisation=body)
        if member:
            f.MembershipFactory(user=member, organisation=body, role=MembershipRole.ADMIN)
        compliance_return = ComplianceReturn.objects.create(
            organisation=body, period=world.period, code=code, status=status
        )
        ComplianceEntry.objects.bulk_create(
            ComplianceEntry(
                compliance_return=compliance_return,
                undertaking=u,
                rating=RATINGS[i % 4],
                explanation="" if RATINGS[i % 4] == Rating.MET else "Because.",
            )
            for i, u in enumerate(code.undertakings.all())
        )


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("count", [2, 20])
def test_the_returns_list_makes_a_fixed_number_of_queries(world, client_for, count, django_assert_num_queries):
    officer = f.UserFactory()
    code = wide_code(world.compact, count)
    bodies_with_returns(world, code, count, member=officer, status=ReturnStatus.DRAFT)
    client = client_for(officer)
    client.get(reverse("undertakings:return-list"))  # warm the session
    # session, user, the person's memberships and steering seats (roles), the count of returns,
    # signatures, open periods, adopted Codes and returns already started (returns to start), and
    # the page of returns with their counts by rating (the steering group's periods are not asked),
    # and the overdue actions of the person's bodies
    with django_assert_num_queries(11):
        response = client.get(reverse("undertakings:return-list"))
    assert response.content.decode().count("answered</td>") == count


@pytest.mark.parametrize("count", [2, 20])
def test_the_matrix_makes_a_fixed_number_of_queries(world, client_for, count, django_assert_num_queries):
    code = wide_code(world.compact, count)
    bodies_with_returns(world, code, count)
    client = client_for(world.users["steering_member"])
    url = reverse("undertakings:matrix", args=[world.period.pk, code.pk])
    client.get(url)
    # session, user, the person's memberships and steering seats (roles), the period, the Code,
    # its sections, the returns with their bodies, the counted ratings by section, the signatories
    with django_assert_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count('<th scope="row"') == count + 3  # the world's own signatories too
    full = reverse("undertakings:matrix-full", args=[world.period.pk, code.pk])
    # ... and the full grid: the Code, its undertakings, the counted returns, their ratings
    with django_assert_num_queries(9):
        response = client.get(full)
    assert response.content.decode().count("portal-rating--") >= count * count


@pytest.mark.parametrize("count", [2, 20])
def test_the_period_overview_makes_a_fixed_number_of_queries(world, client_for, count, django_assert_num_queries):
    code = wide_code(world.compact, 3)
    bodies_with_returns(world, code, count)
    client = client_for(world.users["steering_member"])
    url = reverse("undertakings:period-overview", args=[world.period.pk])
    client.get(url)
    # session, user, the period, roles (2); adopted Codes, every return and every signature as light
    # rows (to sort, count and page), the page's organisations and its returns with their counts by
    # rating; adopted Codes again (the matrix links), the period's overdue actions
    with django_assert_num_queries(12):
        client.get(url)
