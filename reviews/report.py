"""TEMPORARY stand-in for the report engineer's report module (same signatures).
The lead replaces this file with the real one at merge."""

import pathlib

from django.template.loader import render_to_string
from django.utils.html import escape


def render_html(dataset: dict) -> str:
    title = f"{dataset['compact']['name']} annual review {dataset['period']['label']}"
    body = render_to_string("reviews/report/body.html", {"dataset": dataset})
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body><h1>{escape(title)}</h1>{body}</body></html>")


def write_pdf(dataset: dict, path: pathlib.Path) -> int:
    from weasyprint import HTML

    document = HTML(string=render_html(dataset)).render()
    document.write_pdf(str(path), pdf_variant="pdf/ua-1")
    return len(document.pages)
