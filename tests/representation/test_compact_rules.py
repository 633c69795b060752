"""A BME representative is judged under the BME-led rule of the seat's Compact: the same person, from
a group whose board is 5 of 8 of BME origin, counts on a Northamptonshire board (the portal's reading
of its Code: more than half) and not on a Plymouth one (draft §1.3: at least 75%)."""

import datetime

import pytest
from django.urls import reverse

from organisations.bme_definitions import bme_definitions_load
from representation.selectors import pool_figures
from tests import factories as f

from .factories import AppointmentFactory, BoardFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 3, 31)


@pytest.fixture
def compacts():
    out = {}
    for slug, name, code in (
        ("northamptonshire", "Northamptonshire", "E06000061"),
        ("plymouth", "Plymouth", "E06000026"),
    ):
        area = f.LocalAuthorityAreaFactory(code=code, name=name)
        compact = f.CompactFactory(name=f"{name} Compact", slug=slug, areas=[area])
        group = f.OrganisationFactory(name=f"{name} Forum", slug=f"forum-{slug}", areas=[area])
        f.BoardDeclarationFactory(
            organisation=group, members=8, bme_members=5, effective_date=datetime.date(2026, 1, 1)
        )
        person = RepresentativeFactory(compact=compact, organisation=group, name=f"{name} Rep")
        board = BoardFactory(name=f"{name} Partnership Board", compact=compact)
        AppointmentFactory(board=board, representative=person, start_date=datetime.date(2025, 4, 1))
        out[slug] = (compact, person, board)
    bme_definitions_load()
    return out


def test_each_compacts_pool_counts_bme_representatives_under_its_own_rule(compacts):
    north = pool_figures(on_date=ON, compact=compacts["northamptonshire"][0])
    south = pool_figures(on_date=ON, compact=compacts["plymouth"][0])
    assert (north.bme_representatives, [b.bme_representatives for b in north.boards]) == (1, [1])
    assert (south.bme_representatives, [b.bme_representatives for b in south.boards]) == (0, [0])
    # Every board together: each seat still judged under its own board's Compact.
    everyone = pool_figures(on_date=ON)
    assert {b.board.name: b.bme_representatives for b in everyone.boards} == {
        "Northamptonshire Partnership Board": 1,
        "Plymouth Partnership Board": 0,
    }
    assert everyone.bme_representatives == 1


def test_a_seat_on_a_board_of_no_compact_is_judged_under_the_compact_counting_it(compacts):
    plymouth_compact, person, _ = compacts["plymouth"]
    unattached = BoardFactory(name="Regional Forum", compact=None, convening_organisation=person.organisation)
    AppointmentFactory(board=unattached, representative=person, start_date=datetime.date(2025, 4, 1))
    figures = pool_figures(on_date=ON, compact=plymouth_compact)
    assert {b.board.name: b.bme_representatives for b in figures.boards} == {
        "Plymouth Partnership Board": 0,
        "Regional Forum": 0,
    }
    # Unscoped, the seat on the forum goes by the pool the person is in: Plymouth's.
    assert pool_figures(on_date=ON).bme_representatives == 1  # only the Northamptonshire person


def test_the_representatives_page_answers_under_their_pools_compact(compacts, client):
    admin = f.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    for slug, expected in (("northamptonshire", "Yes"), ("plymouth", "No")):
        _, person, _ = compacts[slug]
        page = client.get(reverse("representation:representative-detail", args=[person.pk])).content.decode()
        assert f'BME representative</dt>\n  <dd class="govuk-summary-list__value">{expected}</dd>' in page
