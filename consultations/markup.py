"""Comment and response text as HTML, keeping the emphasis a source gave it.

Text is stored as typed or as the source has it, with underlining kept as <u>…</u> (the Plymouth table
underlines words: "every group", "<u>IF</u>"). Everything is escaped first, so a comment can never add
markup of its own; then <u> and </u> are let back, Markdown lays out paragraphs, line breaks and lists,
and nh3 keeps only the handful of tags below as a last guard.
"""

import html
import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "u", "em", "strong", "ul", "ol", "li"}
_UNDERLINE = re.compile(r"&lt;(/?)u&gt;")
_TAGS = re.compile(r"</?u>")


def to_html(text: str) -> SafeString:
    escaped = _UNDERLINE.sub(r"<\1u>", html.escape(text or "", quote=False))
    rendered = markdown.markdown(escaped, extensions=["nl2br", "sane_lists"])
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={}))  # noqa: S308 (cleaned by nh3)


def to_plain(text: str) -> str:
    """For CSV and emails: the words without the markup."""
    return _TAGS.sub("", text or "")
