"""Working days skip weekends and England and Wales bank holidays. Every expected date below was
worked out by hand from a calendar, not by the code under test."""

from datetime import date

import pytest

from complaints.working_days import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Weekends
        (date(2025, 3, 7), 1, date(2025, 3, 10)),  # Friday + 1 = Monday
        (date(2025, 3, 7), 5, date(2025, 3, 14)),  # Friday + 5 = next Friday
        (date(2025, 3, 8), 1, date(2025, 3, 10)),  # received on a Saturday: Monday is day 1
        (date(2025, 3, 9), 5, date(2025, 3, 14)),  # received on a Sunday
        (date(2025, 3, 10), 10, date(2025, 3, 24)),  # two whole weeks
        # Christmas 2025: Thursday 25 and Friday 26 December, then New Year's Day on a Thursday
        (date(2025, 12, 24), 1, date(2025, 12, 29)),
        (date(2025, 12, 22), 5, date(2025, 12, 31)),
        (date(2025, 12, 22), 10, date(2026, 1, 8)),
        # Christmas 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        (date(2026, 12, 23), 2, date(2026, 12, 29)),
        (date(2026, 12, 21), 5, date(2026, 12, 30)),
        # Christmas 2027: both days fall at the weekend, substitutes on Monday 27 and Tuesday 28;
        # New Year's Day 2028 is a Saturday, substitute Monday 3 January
        (date(2027, 12, 24), 1, date(2027, 12, 29)),
        (date(2027, 12, 23), 3, date(2027, 12, 30)),
        (date(2027, 12, 23), 5, date(2028, 1, 4)),
        # Easter: Good Friday and Easter Monday
        (date(2025, 4, 17), 1, date(2025, 4, 22)),
        (date(2025, 4, 14), 10, date(2025, 4, 30)),
        (date(2026, 4, 2), 1, date(2026, 4, 7)),
        (date(2026, 3, 30), 5, date(2026, 4, 8)),
        (date(2027, 3, 25), 1, date(2027, 3, 30)),
        (date(2027, 3, 24), 5, date(2027, 4, 2)),
        # August (late summer) bank holiday
        (date(2025, 8, 22), 1, date(2025, 8, 26)),
        (date(2025, 8, 22), 20, date(2025, 9, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 1)),
        (date(2026, 8, 24), 10, date(2026, 9, 8)),
        (date(2027, 8, 27), 1, date(2027, 8, 31)),
        (date(2027, 8, 26), 5, date(2027, 9, 3)),
        # May bank holidays 2025
        (date(2025, 5, 2), 1, date(2025, 5, 6)),
        (date(2025, 5, 23), 1, date(2025, 5, 27)),
        # Nothing to add
        (date(2025, 12, 25), 0, date(2025, 12, 25)),
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 12, 29), -2, date(2026, 12, 23)),  # back over the substitute Boxing Day
        (date(2025, 4, 22), -1, date(2025, 4, 17)),  # back over Easter
        (date(2025, 3, 10), -1, date(2025, 3, 7)),  # back over a weekend
    ],
)
def test_counting_backwards_skips_the_same_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 12, 25), False),
        (date(2026, 12, 28), False),  # substitute Boxing Day
        (date(2026, 12, 26), False),  # a Saturday anyway
        (date(2027, 12, 27), False),
        (date(2027, 12, 28), False),
        (date(2027, 12, 29), True),
        (date(2026, 4, 3), False),
        (date(2026, 4, 6), False),
        (date(2026, 4, 7), True),
        (date(2027, 8, 30), False),
        (date(2025, 8, 26), True),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_working_days_between_counts_the_days_add_working_days_added():
    assert working_days_between(date(2025, 12, 22), date(2025, 12, 31)) == 5
    assert working_days_between(date(2027, 12, 23), date(2028, 1, 4)) == 5
    assert working_days_between(date(2025, 3, 7), date(2025, 3, 7)) == 0
    assert working_days_between(date(2025, 3, 14), date(2025, 3, 7)) == -5
