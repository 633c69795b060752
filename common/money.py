"""How the portal prints an amount of money (GBP, Decimal)."""

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def pounds_text(value: Decimal | str) -> str:
    """£1,234,500 for whole pounds, £1,234.56 otherwise (rounded half up to the penny)."""
    amount = Decimal(value)
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount.quantize(PENNY, rounding=ROUND_HALF_UP):,}"
