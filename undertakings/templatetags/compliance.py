"""Tags for ratings and return statuses: the words always come with the colour."""

from django import template

register = template.Library()

RATING_COLOURS = {
    "met": "green",
    "partly_met": "yellow",
    "not_met": "red",
    "not_applicable": "grey",
    "not_assessed": "light-blue",
}
STATUS_COLOURS = {
    "not_started": "grey",
    "draft": "light-blue",
    "submitted": "blue",
    "returned": "orange",
    "reviewed": "green",
}


@register.filter
def rating_colour(rating: str) -> str:
    return RATING_COLOURS.get(rating, "grey")


@register.filter
def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "grey")


CODE_STATUS_COLOURS = {"draft": "grey", "consultation": "yellow", "adopted": "green", "retired": "grey"}


@register.filter
def code_status_colour(status: str) -> str:
    return CODE_STATUS_COLOURS.get(status, "grey")
