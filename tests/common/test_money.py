"""common.money: how the portal prints an amount of money."""

from decimal import Decimal

import pytest

from common.money import pounds_text


@pytest.mark.parametrize(
    "amount, text",
    [
        (Decimal("1234500"), "£1,234,500"),
        (Decimal("1234.56"), "£1,234.56"),
        (Decimal("0.5"), "£0.50"),
        ("17500.00", "£17,500"),
        (Decimal("41133.770000000004"), "£41,133.77"),
        (Decimal("2.005"), "£2.01"),  # half up, not to the even penny
    ],
)
def test_pounds_are_printed_with_thousands_commas_and_pence_only_when_there_are_any(amount, text):
    assert pounds_text(amount) == text
