"""Working-day arithmetic for complaint deadlines: every deadline in the app is computed here.

A working day is a weekday that is not a bank holiday in England and Wales (the two share one list;
the `holidays` package gives them as GB subdivision "ENG", substitute days included, so Boxing Day
on a Saturday moves the holiday to the Monday). The Complaint Handling Code counts "working days
after" an event: the day of the event itself is never counted.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=1)
def _bank_holidays() -> holidays.HolidayBase:
    # One calendar for the process; it fills in each year the first time a date in it is asked about.
    return holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays()


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (or before it, for a negative count).

    `start` itself is not counted, and may be a weekend or a holiday: something received on a
    Saturday has its first working day on Monday. `days=0` returns `start` unchanged.
    """
    step = timedelta(days=1 if days >= 0 else -1)
    remaining = abs(days)
    day = start
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days after `start` `end` falls: the inverse of `add_working_days` when `end`
    is a working day. Negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
