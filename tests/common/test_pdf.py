"""WeasyPrint reads only data: URIs and the portal's own static files, for every PDF the portal draws."""

import io
from unittest.mock import patch

import pytest
from weasyprint import HTML

from common import pdf


def fetched_by(html: str, base_url: str) -> tuple[list[str], list[str]]:
    served, refused = [], []
    fetcher = pdf.url_fetcher()
    original = fetcher.fetch

    def recording(url, headers=None):
        try:
            response = original(url, headers)
        except ValueError:
            refused.append(url)
            raise
        served.append(url)
        return response

    with patch.object(fetcher, "fetch", recording):
        HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(io.BytesIO())
    return served, refused


@pytest.mark.parametrize("base_url", ["http://testserver/", "/tmp/reviews/"])
def test_static_files_are_served_and_anything_else_is_refused(base_url):
    html = """<html><body>
      <img src="/static/images/favicon.svg" alt="">
      <img src="file:///etc/passwd" alt="">
      <img src="http://169.254.169.254/latest/meta-data/" alt="">
      <img src="http://testserver/consultations/x/response.pdf" alt="">
      <img src="/static/../compact_portal/settings.py" alt="">
      <img src="/static/%2e%2e/compact_portal/settings.py" alt="">
      <link rel="stylesheet" href="ftp://example.org/x.css">
    </body></html>"""
    served, refused = fetched_by(html, base_url)
    assert [url.rsplit("/static/", 1)[-1] for url in served] == ["images/favicon.svg"]
    assert len(refused) == 6


def test_a_path_outside_the_static_files_is_never_read():
    assert pdf.static_file_for("http://x/static/images/favicon.svg").name == "favicon.svg"
    for url in (
        "file:///etc/passwd",
        "http://x/static/../manage.py",
        "http://x/static/%2E%2E/manage.py",
        "http://x/static//etc/passwd",
        "http://x/static/",
        "http://x/media-not-served/complaints/abc",
        "gopher://x/static/images/favicon.svg",
    ):
        assert pdf.static_file_for(url) is None, url


@pytest.fixture
def fetchers_made(monkeypatch):
    made = []
    original = pdf.StaticFilesOnly.__init__

    def recording(self):
        made.append(self)
        original(self)

    monkeypatch.setattr(pdf.StaticFilesOnly, "__init__", recording)
    return made


def test_the_consultation_response_pdf_is_drawn_with_the_static_files_fetcher(
    world, client_for, fetchers_made, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from consultations import services
    from tests.consultations.test_views import _answered

    consultation, _ = _answered(world, 1)
    with django_capture_on_commit_callbacks(execute=True):  # the task that builds it once
        services.consultation_publish_response(consultation=consultation, user=None)
    assert len(fetchers_made) == 1
    response = client_for(None).get(reverse("consultations:response-pdf", args=[consultation.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert len(fetchers_made) == 1  # served as stored, not drawn again


def test_the_annual_review_pdf_is_drawn_with_the_static_files_fetcher(db, tmp_path, fetchers_made):
    from reviews.report import write_pdf
    from tests.reviews.test_dataset import build, review_world

    write_pdf(build(review_world()), tmp_path / "review.pdf")
    assert len(fetchers_made) == 1
