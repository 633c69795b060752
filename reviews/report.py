"""The annual review as a standalone HTML document and as a tagged, accessible PDF (PDF/UA-1).

Both are drawn from the dataset alone (reviews.dataset.build_dataset), so a stored dataset always
gives the same report. The PDF takes its title from <title>, its language from <html lang>, and
fetches nothing: charts are data URIs and the stylesheet is inlined, so no file or network access
happens while a report is rendered.
"""

import pathlib

from django.template.loader import get_template, render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

STYLESHEET = "reviews/report/print.css"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def report_title(dataset: dict) -> str:
    return f"Annual review of the {dataset['compact']['name']}, {dataset['period']['label']}".replace("the The ", "the ")


def render_html(dataset: dict) -> str:
    """A complete HTML document (lang en-GB, h1 = the title, contents, every section)."""
    stylesheet = get_template(STYLESHEET).template.source
    return render_to_string(
        "reviews/report/document.html",
        {"dataset": dataset, "title": report_title(dataset), "stylesheet": stylesheet},
    )


def write_pdf(dataset: dict, path: pathlib.Path) -> int:
    """Write the report as a tagged PDF to exactly `path`; return its number of pages."""
    html = HTML(
        string=render_html(dataset),
        base_url=str(pathlib.Path(path).parent),
        url_fetcher=URLFetcher(allowed_protocols=["data"]),
    )
    document = html.render(**PDF_OPTIONS)
    document.write_pdf(target=str(path), **PDF_OPTIONS)
    return len(document.pages)
