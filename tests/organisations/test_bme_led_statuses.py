"""`BmeLedStatuses` (BME-led status of many organisations on many days, from one query, as the annual
review judges consultations' invitees) must answer what `bme_led_status` answers for each one: the
same current declaration, the same rule, the same transition period."""

import datetime
from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.bme_led import BmeRule, Undisclosed
from organisations.models import BoardDeclaration, BoardType
from organisations.selectors import BmeLedStatuses, bme_led_status
from tests import factories as f

pytestmark = pytest.mark.django_db

RULES = {
    "portal default": None,
    "3/4, committees and trustees only": BmeRule(
        threshold=Fraction(3, 4), boards=("management_committee", "board_of_trustees"), name="Three quarters"
    ),
    "a majority, undisclosed not BME, 6 months' transition": BmeRule(
        threshold=Fraction(1, 2), strictly_more=True, undisclosed=Undisclosed.NOT_BME, transition_months=6
    ),
    "3/4, trustees only, 3 months' transition": BmeRule(
        threshold=Fraction(3, 4), boards=("board_of_trustees",), transition_months=3, name="Trustees"
    ),
}


def declare(organisation, day, bme, members=4, undisclosed=0, board=BoardType.MANAGEMENT_COMMITTEE, declared=None):
    declaration = f.BoardDeclarationFactory(
        organisation=organisation,
        effective_date=day,
        members=members,
        bme_members=bme,
        undisclosed_members=undisclosed,
        board_type=board,
    )
    if declared is not None:  # declared_at is set on creation: back-date it to order same-day declarations
        BoardDeclaration.objects.filter(pk=declaration.pk).update(
            declared_at=datetime.datetime.combine(declared, datetime.time(12), tzinfo=datetime.UTC)
        )
    return declaration


@pytest.fixture
def world():
    """Organisations whose status changes over 2023-2026 in every way the rules tell apart."""
    lapsing = f.OrganisationFactory(name="Lapses on 29 February")
    declare(lapsing, date(2024, 2, 29), bme=3)  # BME-led, stale after 28 February 2025
    changed = f.OrganisationFactory(name="Board changed")
    declare(changed, date(2023, 5, 31), bme=4)
    declare(changed, date(2024, 1, 31), bme=2, members=5)  # no longer BME-led: a transition follows
    declare(changed, date(2024, 11, 30), bme=3, board=BoardType.BOARD_OF_TRUSTEES)
    undecided = f.OrganisationFactory(name="Members who did not say")
    declare(undecided, date(2024, 3, 1), bme=2, members=5, undisclosed=2)  # 40%, 80% if they are
    declare(undecided, date(2025, 3, 1), bme=3, members=5, undisclosed=1)  # 60%: a majority
    same_day = f.OrganisationFactory(name="Two declarations on one day")
    # The one declared last wins, whichever was entered first.
    declare(same_day, date(2024, 6, 15), bme=1, declared=date(2024, 6, 20))
    declare(same_day, date(2024, 6, 15), bme=4, declared=date(2024, 6, 16))
    declare(same_day, date(2025, 8, 1), bme=4, board=BoardType.BOARD_OF_TRUSTEES)
    directors = f.OrganisationFactory(name="Directors only")
    declare(directors, date(2024, 4, 1), bme=8, members=8, board=BoardType.BOARD_OF_DIRECTORS)
    declare(directors, date(2025, 1, 1), bme=0, members=8, board=BoardType.BOARD_OF_TRUSTEES)
    trustees = f.OrganisationFactory(name="Trustees, on and off")
    declare(trustees, date(2023, 7, 1), bme=3, board=BoardType.BOARD_OF_TRUSTEES)
    declare(trustees, date(2024, 9, 1), bme=1, board=BoardType.BOARD_OF_TRUSTEES)
    declare(trustees, date(2024, 12, 1), bme=3, board=BoardType.BOARD_OF_TRUSTEES)
    never = f.OrganisationFactory(name="Never declared")
    return [lapsing, changed, undecided, same_day, directors, trustees, never]


DAYS = sorted(
    {date(2023, 1, 1) + timedelta(days=29 * n) for n in range(46)}
    | {
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2025, 3, 1),
        date(2024, 1, 30),
        date(2024, 1, 31),
        date(2024, 7, 31),
        date(2024, 8, 1),
        date(2025, 8, 28),
        date(2025, 8, 29),
        date(2025, 5, 31),
        date(2025, 6, 1),
    }
)


@pytest.mark.parametrize("rule_name", RULES)
def test_many_at_once_answer_what_each_organisation_answers(world, rule_name):
    rule = RULES[rule_name]
    with CaptureQueriesContext(connection) as queries:
        statuses = BmeLedStatuses([o.pk for o in world], definition=rule)
        bulk = {(o.name, day): statuses.is_bme_led(o.pk, day) for o in world for day in DAYS}
    one_by_one = {
        (o.name, day): bme_led_status(organisation=o, on_date=day, definition=rule).is_bme_led
        for o in world
        for day in DAYS
    }
    assert len(queries) == 1
    assert bulk == one_by_one
    # The world tells the outcomes apart: some of each, and (with a transition) some only through it.
    assert 0 < sum(bulk.values()) < len(bulk)


def test_a_transition_period_keeps_an_organisation_bme_led_in_bulk_too(world):
    changed = world[1]
    with_transition = BmeLedStatuses(
        [changed.pk], definition=RULES["a majority, undisclosed not BME, 6 months' transition"]
    )
    without = BmeLedStatuses([changed.pk], definition=RULES["3/4, committees and trustees only"])
    # Its board changed on 31 January 2024 (2 of 5): six more months BME-led under the majority rule.
    assert with_transition.is_bme_led(changed.pk, date(2024, 7, 30))
    assert not with_transition.is_bme_led(changed.pk, date(2024, 7, 31))
    assert not without.is_bme_led(changed.pk, date(2024, 2, 1))
