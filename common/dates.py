"""Dates as people read them on GOV.UK pages, in letters and in reports."""

from datetime import date


def long_date(value: date | str | None) -> str:
    """ "31 March 2026": no leading zero on any platform; ISO text (from a stored dataset) is accepted;
    "" for no date."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"
