"""Date arithmetic funding needs: planned durations and the financial year monitoring defaults to."""

from datetime import date, timedelta


def whole_months(start: date, end: date) -> int:
    """Whole months from `start` to the day after `end` (planned dates are inclusive), so that
    1 April 2023 – 31 March 2026 is 36 months and 1 April – 30 June is 3."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day < start.day:
        months -= 1
    return max(months, 0)


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def financial_year(day: date) -> tuple[date, date]:
    """The UK financial year (1 April – 31 March) that `day` falls in."""
    first = date(day.year if day.month >= 4 else day.year - 1, 4, 1)
    return first, date(first.year + 1, 3, 31)
