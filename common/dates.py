"""Dates as people read them on GOV.UK pages, in letters and in reports."""

from datetime import date
from functools import lru_cache
from typing import NamedTuple

from dateutil.relativedelta import relativedelta


def long_date(value: date | str | None) -> str:
    """ "31 March 2026": no leading zero on any platform; ISO text (from a stored dataset) is accepted;
    "" for no date."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


class FinancialYear(NamedTuple):
    """A UK financial year, 1 April to 31 March, with its usual label ("2025-26")."""

    start: date
    end: date
    label: str


def financial_year(start_year: int) -> FinancialYear:
    """The financial year that starts on 1 April `start_year`."""
    return FinancialYear(
        date(start_year, 4, 1), date(start_year + 1, 3, 31), f"{start_year}-{(start_year + 1) % 100:02d}"
    )


def financial_year_of(day: date) -> FinancialYear:
    """The financial year `day` falls in."""
    return financial_year(day.year if day.month >= 4 else day.year - 1)


# Pure, and called for every organisation × date when BME-led status is judged in bulk (about 200,000
# times in a metro Compact's annual review, where relativedelta took 5 s): the few distinct dates hit.
@lru_cache(maxsize=4096)
def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day where that day does not exist
    (29 February 2024 plus 12 months is 28 February 2025)."""
    return day + relativedelta(months=months)
