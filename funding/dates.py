"""Planned durations of awards, in whole months (financial years and month steps are in common.dates)."""

from datetime import date, timedelta


def whole_months(start: date, end: date) -> int:
    """Whole months from `start` to the day after `end` (planned dates are inclusive), so that
    1 April 2023 – 31 March 2026 is 36 months and 1 April – 30 June is 3."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day < start.day:
        months -= 1
    return max(months, 0)
