"""How the annual review prints money, percentages and counts, and draws its charts."""

from decimal import Decimal
from fractions import Fraction

import pytest

from reviews.charts import chart
from reviews.report_format import money, of, percent_text, share_percent


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (Decimal("1234500.00"), "£1,234,500"),
        (Decimal("1234.5"), "£1,234.50"),
        ("0.004", "£0.00"),
        (None, "£0"),
    ],
)
def test_money(value, printed):
    assert money(value) == printed


def test_percentages_round_half_up_and_say_when_there_is_none():
    assert percent_text("72.45") == "72.5%"
    assert percent_text(Decimal("100")) == "100.0%"
    assert percent_text(None, missing="No awards") == "No awards"
    assert share_percent(Fraction(2, 3)) == Decimal("66.7")
    assert of(8, 10) == "8 of 10 (80.0%)" and of(0, 0) == "none"


def test_a_chart_of_nothing_is_not_drawn_and_long_labels_are_shortened_in_the_image_only():
    assert chart(id="x", title="Nothing", rows=[("A", 0, "0"), ("B", None, "no data")]) is None
    drawn = chart(id="x", title="Awards", rows=[("A very long label that will not fit beside a bar", 3, "3")])
    assert drawn["alt"] == "Bar chart: Awards. A very long label that will not fit beside a bar: 3."
