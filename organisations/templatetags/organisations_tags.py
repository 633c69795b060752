from django import template

from ..bme_definitions import clause_for, compact_between
from ..bme_led import OUTCOME_TAG_COLOURS, Outcome, outcome_label

register = template.Library()


@register.inclusion_tag("includes/tag.html")
def bme_led_tag(outcome: str, transition_until=None):
    """The GOV.UK tag for a BME-led outcome (an Outcome value or a BmeLedResult's outcome); with
    `transition_until` (a BmeLedResult's), "BME-led (transition period until 31 March 2026)"."""
    return {"label": outcome_label(outcome, transition_until), "colour": OUTCOME_TAG_COLOURS[Outcome(outcome)]}


@register.simple_tag
def compact_clause(compact, role: str) -> str | None:
    """{% compact_clause compact "annual_review" as ref %}: the clause of that Compact's own Code
    (a Compact or its slug), None when its Code has none; the template then leaves the reference out."""
    return clause_for(compact, role) if compact else None


@register.simple_tag
def award_clause(award, role: str) -> str | None:
    """The clause for an award: from the Code of the Compact its funder and recipient share."""
    return clause_for(compact_between(funder=award.funder, organisation=award.recipient), role)
