"""How figures are printed in the annual review: money, percentages and counts as text (dates are
printed by common.dates.long_date, as on every page).

The dataset stores each printed text beside its value, so the PDF, the HTML page and the tests all
read the same words. Exact arithmetic only: money and shares arrive as Decimal, Fraction or text.
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from common.money import pounds_text

TENTH = Decimal("0.1")


def money(value: Decimal | str | None) -> str:
    """£1,234,500 for whole pounds, £1,234.56 otherwise; nothing counts as £0."""
    return pounds_text(value or Decimal(0))


def percent_text(value: Decimal | str | None, *, missing: str = "No data") -> str:
    """A percentage already computed ("34.2" or Decimal) as "34.2%"; `missing` when there is none."""
    if value is None or value == "":
        return missing
    return f"{Decimal(value).quantize(TENTH, rounding=ROUND_HALF_UP)}%"


def share_percent(share: Fraction | None) -> Decimal | None:
    """An exact share (0..1) as a percentage rounded to one place."""
    if share is None:
        return None
    exact = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    return exact.quantize(TENTH, rounding=ROUND_HALF_UP)


def of(part: int, whole: int) -> str:
    """ "8 of 10 (80.0%)", or "none" when there is nothing to count."""
    if not whole:
        return "none"
    return f"{part:,} of {whole:,} ({share_percent(Fraction(part, whole))}%)"


def count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
