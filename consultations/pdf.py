"""The response as a tagged PDF (PDF/UA-1), rendered once per published version by a task and stored
(jobs.response_pdf_build); never inside a public request. It fetches nothing: the
template inlines its styles and links to no file; the portal's one fetcher (common.pdf) would give it
only data: URLs and the portal's own static files anyway."""

from django.template.loader import render_to_string
from weasyprint import HTML

from common.pdf import url_fetcher

from . import selectors


def render_response_pdf(version) -> bytes:
    consultation = version.consultation
    context = {
        "consultation": consultation,
        "version": version,
        "summary": selectors.response_summary(consultation, version=version),
        "page": selectors.response_document(consultation),
    }
    html = render_to_string("consultations/response_pdf.html", context)
    return HTML(string=html, base_url="/", url_fetcher=url_fetcher()).write_pdf(pdf_variant="pdf/ua-1")
