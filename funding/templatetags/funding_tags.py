from django import template

from common.money import pounds_text
from organisations.bme_led import OUTCOME_TAG_COLOURS, Outcome

register = template.Library()


@register.filter
def pounds(value) -> str:
    """£1,500 for whole pounds, £1,500.50 otherwise; a dash for no value."""
    if value is None or value == "":
        return "–"
    return pounds_text(value)


@register.filter
def money(value, currency="GBP") -> str:
    """An amount in its own currency: £1,500.50 for pounds, "USD 1,500.50" for any other."""
    if value is None or value == "":
        return "–"
    if currency in ("", "GBP"):
        return pounds_text(value)
    return f"{currency} {pounds_text(value).removeprefix('£')}"


@register.filter
def percent(value) -> str:
    return "–" if value is None else f"{value}%"


@register.filter
def outcome_label(value) -> str:
    return Outcome(value).label if value else "–"


@register.filter
def outcome_colour(value) -> str:
    return OUTCOME_TAG_COLOURS.get(value, "grey") if value else "grey"
