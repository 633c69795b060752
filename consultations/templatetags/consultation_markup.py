"""{{ comment.text|comment_markup }}: see consultations.markup."""

from django import template

from ..markup import to_html

register = template.Library()


@register.filter
def comment_markup(text: str):
    return to_html(text)
