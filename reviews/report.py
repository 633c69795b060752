"""The annual review as a standalone HTML document and as a tagged, accessible PDF (PDF/UA-1).

Both are drawn from the dataset alone (reviews.dataset.build_dataset), so a stored dataset always
gives the same report. The PDF takes its title from <title>, its language from <html lang>, and
fetches nothing: charts are data URIs and the stylesheet is inlined, so no file or network access
happens while a report is rendered. WeasyPrint tags table header cells without a scope; PDF/UA wants
one, so each /TH gets /Scope /Column (in a table head) or /Row (in a table body) afterwards.
"""

import io
import pathlib

import pikepdf
from django.template.loader import get_template, render_to_string
from weasyprint import HTML

from common.pdf import url_fetcher as pdf_url_fetcher

STYLESHEET = "reviews/report/print.css"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def report_title(dataset: dict) -> str:
    return f"Annual review of the {dataset['compact']['name']}, {dataset['period']['label']}".replace(
        "the The ", "the "
    )


def render_html(dataset: dict) -> str:
    """A complete HTML document (lang en-GB, h1 = the title, contents, every section)."""
    # django-stubs' get_template() protocol omits the Django backend's `.template` (the compiled Template).
    stylesheet = get_template(STYLESHEET).template.source  # type: ignore[attr-defined]
    return render_to_string(
        "reviews/report/document.html",
        {"dataset": dataset, "title": report_title(dataset), "stylesheet": stylesheet},
    )


def write_pdf(dataset: dict, path: pathlib.Path) -> int:
    """Write the report as a tagged PDF to exactly `path`; return its number of pages."""
    html = HTML(
        string=render_html(dataset),
        base_url=str(pathlib.Path(path).parent),
        url_fetcher=pdf_url_fetcher(),
    )
    document = html.render(**PDF_OPTIONS)
    with pikepdf.open(io.BytesIO(document.write_pdf(**PDF_OPTIONS))) as pdf:
        _scope_table_headers(pdf.Root.StructTreeRoot)
        pdf.save(str(path))
    return len(document.pages)


def _scope_table_headers(node, section: str = "") -> None:
    """Give every TH structure element a scope: Column under THead, Row under TBody."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _scope_table_headers(kid, section)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    kind = str(node.get("/S", ""))
    if kind == "/TH":
        attributes = node.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary):
            attributes = node.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
        attributes.Scope = pikepdf.Name.Column if section == "/THead" else pikepdf.Name.Row
    if "/K" in node:
        _scope_table_headers(node.K, kind if kind in ("/THead", "/TBody", "/TFoot") else section)
