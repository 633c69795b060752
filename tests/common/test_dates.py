from datetime import date

from common.dates import long_date


def test_long_dates_have_no_leading_zero_and_accept_stored_iso_text():
    assert long_date(date(2026, 3, 1)) == "1 March 2026"
    assert long_date(date(2025, 12, 25)) == "25 December 2025"
    assert long_date("2025-04-09") == "9 April 2025"
    assert long_date(None) == "" and long_date("") == ""
