from datetime import date

import pytest

from common.dates import add_months, financial_year, financial_year_of, long_date


def test_long_dates_have_no_leading_zero_and_accept_stored_iso_text():
    assert long_date(date(2026, 3, 1)) == "1 March 2026"
    assert long_date(date(2025, 12, 25)) == "25 December 2025"
    assert long_date("2025-04-09") == "9 April 2025"
    assert long_date(None) == "" and long_date("") == ""


def test_a_financial_year_runs_from_1_april_to_31_march_with_its_label():
    assert financial_year(2025) == (date(2025, 4, 1), date(2026, 3, 31), "2025-26")
    assert financial_year(2099).label == "2099-00"


@pytest.mark.parametrize(
    "day, start_year",
    [(date(2026, 3, 31), 2025), (date(2026, 4, 1), 2026), (date(2026, 12, 4), 2026), (date(2027, 1, 1), 2026)],
)
def test_the_financial_year_of_a_day(day, start_year):
    assert financial_year_of(day) == financial_year(start_year)


def test_adding_months_keeps_the_day_or_takes_the_months_last_day():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 4, 15), 36) == date(2029, 4, 15)
