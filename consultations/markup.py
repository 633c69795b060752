"""Comment and response text as HTML, keeping the emphasis a source gave it.

Text is stored as typed or as the source has it, with underlining kept as <u>…</u> (the Plymouth table
underlines words: "every group", "<u>IF</u>"). Everything is escaped first, so a comment can never add
markup of its own; then <u> and </u> are let back, Markdown lays out paragraphs, line breaks and lists,
and nh3 keeps only the handful of tags below as a last guard.
"""

import html
import re
import threading

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "u", "em", "strong", "ul", "ol", "li"}
_UNDERLINE = re.compile(r"&lt;(/?)u&gt;")
_TAGS = re.compile(r"</?u>")
# One Markdown converter per thread, reset before each text: making one loads its extensions, which
# cost more than converting a comment (a page of the response lists 50 comments and responses).
_converters = threading.local()


def _converter() -> markdown.Markdown:
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(extensions=["nl2br", "sane_lists"])
    return converter


def to_html(text: str) -> SafeString:
    escaped = _UNDERLINE.sub(r"<\1u>", html.escape(text or "", quote=False))
    rendered = _converter().reset().convert(escaped)
    return mark_safe(nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={}))  # noqa: S308 (cleaned by nh3)


def to_plain(text: str) -> str:
    """For CSV and emails: the words without the markup."""
    return _TAGS.sub("", text or "")
