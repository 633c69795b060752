from datetime import date

from django.core.paginator import Paginator
from django.utils import timezone

from common.dates import financial_year, financial_year_of

PAGE_SIZE = 25


def page_of(request, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def parse_iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def requested_period(request) -> tuple[date, date]:
    """`?year=2025` for the financial year 2025-26, or `?start=…&end=…` (ISO dates); the current
    financial year otherwise."""
    start, end = parse_iso_date(request.GET.get("start")), parse_iso_date(request.GET.get("end"))
    if start and end and start <= end:
        return start, end
    year = request.GET.get("year", "")
    if year.isdigit() and 2000 <= int(year) <= 2100:
        return financial_year(int(year))[:2]
    return financial_year_of(timezone.localdate())[:2]
