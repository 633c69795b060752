"""Rendering a Code's transcribed text safely: the text is escaped first, then the little markup
the transcription keeps is turned into HTML: **bold** (the source's emphasis), [^1] (a footnote
mark), and, in a paragraph, lines starting "•" as a bulleted list."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

BOLD = re.compile(r"\*\*(.+?)\*\*")
FOOTNOTE = re.compile(r"\[\^(\d+)\]")


def _inline(text: str) -> str:
    html = BOLD.sub(r"<strong>\1</strong>", escape(text))
    return FOOTNOTE.sub(r'<sup><a class="govuk-link" href="#footnote-\1" id="footnote-mark-\1">\1</a></sup>', html)


@register.filter
def code_inline(text: str) -> str:
    """One line of text, line breaks kept (addresses)."""
    return mark_safe("<br>".join(_inline(line) for line in text.split("\n")))


@register.filter
def code_paragraphs(text: str, number: str = "") -> str:
    """A paragraph that may hold several: blank lines part paragraphs, "•" lines make a list. The
    number the Code prints for it starts the first line, as in the source."""
    out: list[str] = []
    prefix = f'<strong class="app-code-number">{escape(number)}</strong> ' if number else ""
    items: list[str] = []
    for line in [*text.split("\n"), ""]:
        line = line.strip()
        if line.startswith("•"):
            items.append(f"<li>{_inline(line.lstrip('•').strip())}</li>")
            continue
        if items:
            out.append(f'<ul class="govuk-list govuk-list--bullet">{"".join(items)}</ul>')
            items = []
        if line:
            out.append(f'<p class="govuk-body">{prefix}{_inline(line)}</p>')
            prefix = ""
    return mark_safe("".join(out))


LEADING_NUMBER = re.compile(r"^(\d+)\.\s")


@register.filter
def code_anchor(text: str) -> str:
    """The anchor of a numbered part ("3. Framework …" -> "section-3"), so the Code's own contents
    list can link to it; empty for an unnumbered heading."""
    match = LEADING_NUMBER.match(text or "")
    return f"section-{match.group(1)}" if match else ""
