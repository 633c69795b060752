"""`{% glossary "ring-fenced" %}`: a hard word linked to its explanation on the glossary page.

The words and their anchors live here once, so a page links "ring-fenced" the same way everywhere
and a renamed anchor is fixed in one place. Link a word where it first appears on a page, not every
time. The link text is the word as the sentence needs it (`{% glossary "bme-led" "BME-led" %}`), so
the sentence still reads well without the link.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()

# Anchor on /glossary/ -> the word as it usually appears in a sentence.
TERMS = {
    "compact": "Compact",
    "code": "Code of Good Practice",
    "undertaking": "undertaking",
    "bme": "BME",
    "bme-led": "BME-led",
    "threshold": "threshold",
    "undetermined": "undetermined",
    "board-declaration": "board declaration",
    "ring-fenced": "ring-fenced",
    "comply-or-explain": "comply or explain",
    "return": "return",
    "steering-group": "steering group",
    "annual-review": "annual review",
    "public-body": "public body",
    "consultation": "consultation",
}


def glossary_url(term: str) -> str:
    if term not in TERMS:
        # A typo would otherwise link to the top of the glossary and nobody would notice.
        raise template.TemplateSyntaxError(f"{term!r} is not in the glossary: use one of {', '.join(TERMS)}")
    return f"{reverse('glossary')}#{term}"


@register.simple_tag
def glossary(term: str, text: str = "") -> str:
    return format_html('<a class="govuk-link" href="{}">{}</a>', glossary_url(term), text or TERMS[term])


@register.simple_tag
def glossary_url_of(term: str) -> str:
    return glossary_url(term)
