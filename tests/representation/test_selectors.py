"""Pool figures on a date: seats, people, seats per person, BME representatives, overload."""

import datetime
import json
from fractions import Fraction

import pytest

from representation.review import representation_for_review
from representation.selectors import is_overloaded, pool_figures, two_places
from tests import factories as f

from .factories import AppointmentFactory, BoardFactory, RepresentativeFactory, group

ON = datetime.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(0), "0.00"),
        (Fraction(3, 2), "1.50"),
        (Fraction(4, 3), "1.33"),
        (Fraction(5, 3), "1.67"),
        (Fraction(1, 200), "0.01"),
        (Fraction(7), "7.00"),
        (Fraction(1001, 1000), "1.00"),
    ],
)
def test_two_places_rounds_exact_fractions_half_up(value, text):
    assert two_places(value) == text


def test_seats_per_person_is_seats_over_distinct_people(db):
    board_a, board_b = BoardFactory(), BoardFactory()
    busy, quiet = RepresentativeFactory(), RepresentativeFactory()
    AppointmentFactory(board=board_a, representative=busy)
    AppointmentFactory(board=board_b, representative=busy)
    AppointmentFactory(board=board_a, representative=quiet)
    figures = pool_figures(on_date=ON)
    assert (figures.appointments, figures.distinct_representatives) == (3, 2)
    assert figures.seats_per_person == Fraction(3, 2)
    assert figures.seats_per_person_text == "1.50"


def test_nobody_holding_a_seat_gives_zero_not_an_error(db):
    BoardFactory()
    figures = pool_figures(on_date=ON)
    assert (figures.appointments, figures.distinct_representatives, figures.seats_per_person_text) == (0, 0, "0.00")


def test_ended_and_future_appointments_are_not_counted(db):
    board = BoardFactory()
    AppointmentFactory(board=board, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2026, 3, 30))
    AppointmentFactory(board=board, start_date=datetime.date(2026, 4, 1))
    last_day = AppointmentFactory(board=board, start_date=datetime.date(2025, 1, 1), end_date=ON)
    first_day = AppointmentFactory(board=board, start_date=ON)
    figures = pool_figures(on_date=ON)
    assert figures.appointments == 2
    assert figures.boards[0].seats_held == 2
    assert last_day.is_current_on(ON) and first_day.is_current_on(ON)


@pytest.mark.parametrize(("seats", "overloaded"), [(0, False), (3, False), (4, True)])
def test_a_person_is_overloaded_holding_more_seats_than_the_maximum(settings, seats, overloaded):
    settings.REPRESENTATION_MAX_SEATS = 3
    assert is_overloaded(seats) is overloaded


def test_overloaded_means_more_than_the_maximum_seats_at_once(db, settings):
    settings.REPRESENTATION_MAX_SEATS = 3
    at_max, over = RepresentativeFactory(name="At Max"), RepresentativeFactory(name="Over Max")
    for _ in range(3):
        AppointmentFactory(representative=at_max)
    for _ in range(4):
        AppointmentFactory(representative=over)
    # A fifth seat that ended before the date does not count towards overload.
    AppointmentFactory(representative=at_max, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 1, 1))
    figures = pool_figures(on_date=ON)
    assert [(o.representative.name, o.seats) for o in figures.overloaded] == [("Over Max", 4)]


def test_bme_representatives_are_counted_once_and_per_board(db):
    bme_led = f.OrganisationFactory()
    f.BoardDeclarationFactory(organisation=bme_led, members=4, bme_members=4, effective_date=datetime.date(2026, 1, 1))
    lsp, health = BoardFactory(name="A LSP"), BoardFactory(name="B Health")
    BoardFactory(name="C Empty")
    from_bme_led = RepresentativeFactory(organisation=bme_led)
    community = RepresentativeFactory(communities=[group("black-african")])
    other = RepresentativeFactory()
    AppointmentFactory(board=lsp, representative=from_bme_led)
    AppointmentFactory(board=lsp, representative=community)
    AppointmentFactory(board=health, representative=community)
    AppointmentFactory(board=health, representative=other)
    figures = pool_figures(on_date=ON)
    assert figures.bme_representatives == 2
    assert [(b.board.name, b.seats_held, b.bme_representatives) for b in figures.boards] == [
        ("A LSP", 2, 2),
        ("B Health", 2, 1),
        ("C Empty", 0, 0),
    ]
    assert [b.name for b in figures.boards_without_bme_representative] == ["C Empty"]


def test_pool_figures_take_five_queries_however_many_seats(db, django_assert_num_queries):
    for _n in range(6):
        organisation = f.OrganisationFactory()
        f.BoardDeclarationFactory(organisation=organisation)
        AppointmentFactory(
            representative=RepresentativeFactory(organisation=organisation, communities=[group("asian-indian")])
        )
    # boards; current appointments with board, representative and organisation; communities; declarations;
    # the BME-led definition of the boards' Compact
    with django_assert_num_queries(5):
        pool_figures(on_date=ON)


def test_review_covers_the_compact_and_unattached_boards_and_names_nobody(db, settings):
    settings.REPRESENTATION_MAX_SEATS = 1
    compact, other = f.CompactFactory(), f.CompactFactory()
    ours = BoardFactory(name="Our Board", compact=compact)
    # Tied to no Compact but convened by an organisation working in the Compact's area.
    shared = BoardFactory(name="Countywide Board", compact=None, convening_organisation=f.PublicBodyFactory())
    theirs = BoardFactory(name="Their Board", compact=other)
    busy = RepresentativeFactory(name="Busy Person", communities=[group("black-caribbean")])
    AppointmentFactory(board=ours, representative=busy)
    AppointmentFactory(board=shared, representative=busy)
    AppointmentFactory(board=shared, representative=RepresentativeFactory(name="Quiet Person"))
    AppointmentFactory(board=theirs, representative=RepresentativeFactory(name="Elsewhere"))
    data = representation_for_review(compact=compact, on_date=ON)
    assert data == {
        "on_date": "2026-03-31",
        "max_seats": 1,
        "boards": [
            {"name": "Countywide Board", "seats_held": 2, "bme_representatives": "fewer than 5"},
            {"name": "Our Board", "seats_held": 1, "bme_representatives": "fewer than 5"},
        ],
        "distinct_representatives": 2,
        "appointments": 3,
        "seats_per_person": "1.50",
        "bme_representatives": "fewer than 5",
        "boards_without_bme_representative": [],
        "boards_without_bme_representative_count": "fewer than 5",  # a count about named seat holders
        "overloaded_representatives": 1,
    }
    text = json.dumps(data)
    assert "Busy Person" not in text and "Quiet Person" not in text


def test_review_with_no_boards_or_seats(db):
    compact = f.CompactFactory()
    BoardFactory(name="Quiet Board", compact=compact)
    data = representation_for_review(compact=compact, on_date=ON)
    assert data["seats_per_person"] == "0.00"
    assert data["boards_without_bme_representative_count"] == "fewer than 5"
    assert data["boards"] == [{"name": "Quiet Board", "seats_held": 0, "bme_representatives": "fewer than 5"}]
    json.dumps(data)


def test_review_boards_are_in_name_order_whatever_the_case(db):
    compact = f.CompactFactory()
    for name in ("beta board", "Alpha Board", "Gamma Board"):
        BoardFactory(name=name, compact=compact)
    data = representation_for_review(compact=compact, on_date=ON)
    assert [b["name"] for b in data["boards"]] == ["Alpha Board", "beta board", "Gamma Board"]
    assert data["boards_without_bme_representative_count"] == "fewer than 5"
