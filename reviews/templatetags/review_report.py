"""Template tags of the annual review report (templates/reviews/report/)."""

from django import template

from ..compliance_summary import compliance_summary as summarise

register = template.Library()


@register.simple_tag
def compliance_summary(dataset: dict) -> dict:
    """Section 6's choice between the full lists and the summary per body (reviews.compliance_summary)."""
    return summarise(dataset)
