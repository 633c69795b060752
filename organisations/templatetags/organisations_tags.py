from django import template

from ..bme_led import OUTCOME_TAG_COLOURS, Outcome

register = template.Library()


@register.inclusion_tag("includes/tag.html")
def bme_led_tag(outcome: str):
    """The GOV.UK tag for a BME-led outcome (an Outcome value or a BmeLedResult's outcome)."""
    outcome = Outcome(outcome)
    return {"label": outcome.label, "colour": OUTCOME_TAG_COLOURS[outcome]}
