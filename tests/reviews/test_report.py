"""The annual review as HTML and as a tagged PDF (PDF/UA-1). These tests render real PDFs with
WeasyPrint (a project dependency), so they run everywhere, with no marker to deselect them."""

import json
import re
from pathlib import Path

import pikepdf
import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from reviews.dataset import build_dataset
from reviews.report import render_html, write_pdf
from tests import factories as f

from .test_dataset import ACTIONS, BUILT_AT, EXPLANATION, build, review_world

pytestmark = pytest.mark.django_db

HEADINGS = {"/H1": 1, "/H2": 2, "/H3": 3, "/H4": 4, "/H5": 5, "/H6": 6}


@pytest.fixture
def dataset(db):
    # Stored and read back, as the job does: the report must work from the JSON alone.
    return json.loads(json.dumps(build(review_world())))


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_html_is_a_complete_english_document_with_every_section_and_figure(dataset):
    html = render_html(dataset)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<title>Annual review of the Northshire Compact, 2025-26</title>" in html
    assert re.findall(r"<h1[ >]", html) == ["<h1 "]
    for section in dataset["sections"]:
        assert f'id="{section["id"]}"' in html
        assert f'href="#{section["id"]}"' in html  # the contents list links to it
        assert re.search(rf'<h2 [^>]*id="{section["id"]}-heading">{re.escape(section["title"])}</h2>', html)
    text = _words(re.sub(r"<[^>]+>", " ", html))
    for figure in dataset["year_in_numbers"]["figures"]:
        assert f"{figure['label']} {figure['display']}" in text


def test_html_keeps_every_statement_action_and_empty_section_message(dataset):
    html = render_html(dataset)
    assert EXPLANATION in html
    assert "No budget this year." in html
    for action in ACTIONS:
        assert action["action"] in html
    assert "No consultations were held in this period." in html
    assert (
        "No voluntary and community sector representative held a seat on a board on the last day of the period." in html
    )
    assert "£3,000" in html and "75.0%" in html


def test_body_fits_the_site_layout_without_inline_styles_or_scripts(dataset):
    body = render_to_string("reviews/report/body.html", {"dataset": dataset})
    assert "<h1" not in body
    assert "style=" not in body and "<style" not in body and "<script" not in body
    # Every table has a caption and its headers have a scope.
    assert body.count("<table") == body.count("<caption")
    assert "<th " in body and not re.search(r"<th (?![^>]*scope=)", body)
    # Every chart is an image with alt text that states its figures.
    images = re.findall(r"<img [^>]*>", body)
    assert images and all(
        'alt="Bar chart: ' in image and 'src="data:image/svg+xml;base64,' in image for image in images
    )


def test_headings_never_skip_a_level_in_html(dataset):
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", render_html(dataset))]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


@pytest.fixture
def pdf(dataset, tmp_path) -> tuple[Path, int]:
    path = tmp_path / "review.pdf"
    return path, write_pdf(dataset, path)


def test_pdf_contains_every_section_title_and_headline_figure(dataset, pdf):
    path, pages = pdf
    reader = PdfReader(path)
    assert len(reader.pages) == pages > len(dataset["sections"])
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    for section in dataset["sections"]:
        assert section["title"] in text
    for figure in dataset["year_in_numbers"]["figures"]:
        assert f"{figure['label']} {figure['display']}" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Northshire Compact" in text and "Built on 20 May 2026" in text
    assert _words(EXPLANATION) in text


def test_every_comply_or_explain_statement_is_printed_in_full(dataset, tmp_path):
    template = dataset["compliance"]["statements"][0]
    dataset["compliance"]["statements"] = [
        {
            **template,
            "undertaking_ref": f"7.{n}",
            "explanation": f"Reason number {n}: the post was vacant from June to January, so this waited.",
        }
        for n in range(60)
    ]
    path = tmp_path / "statements.pdf"
    write_pdf(dataset, path)
    text = _words(" ".join(page.extract_text() for page in PdfReader(path).pages))
    for statement in dataset["compliance"]["statements"]:
        assert statement["explanation"] in text


def _structure(node, found):
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _structure(kid, found)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            _structure(node.K, found)
    return found


def test_pdf_is_tagged_titled_in_english_with_alt_text_and_ordered_headings(dataset, pdf):
    path, _ = pdf
    with pikepdf.open(path) as document:
        root = document.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(document.docinfo.Title) == "Annual review of the Northshire Compact, 2025-26"
        with document.open_metadata() as metadata:
            assert metadata.get("dc:title") == "Annual review of the Northshire Compact, 2025-26"
        elements = _structure(root.StructTreeRoot.K, [])
        figures = [e for e in elements if e.S == "/Figure"]
        charts = [c for key in ("compliance", "funding", "complaints", "bme_led") for c in _charts(dataset[key])]
        assert len(figures) == len(charts) >= 4
        assert sorted(str(e.Alt) for e in figures) == sorted(c["alt"] for c in charts)
        levels = [HEADINGS[str(e.S)] for e in elements if str(e.S) in HEADINGS]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
        assert levels.count(2) == len(dataset["sections"]) + 1  # every section and the contents
        scopes = {str(e.A.get("/Scope")) for e in elements if e.S == "/TH"}
        assert scopes == {"/Column", "/Row"}  # every header cell has one (WeasyPrint adds none)


def _charts(section: dict) -> list[dict]:
    return [value for key, value in section.items() if key.endswith("chart") and value]


def test_an_empty_compact_still_gives_a_readable_pdf(db, tmp_path):
    compact = f.CompactFactory(name="Empty Compact", slug="empty")
    period = f.ReportingPeriodFactory(compact=compact)
    dataset = build_dataset(compact=compact, period=period, actions=[], built_at=BUILT_AT)
    path = tmp_path / "empty.pdf"
    pages = write_pdf(dataset, path)
    text = _words(" ".join(page.extract_text() for page in PdfReader(path).pages))
    assert pages == len(PdfReader(path).pages)
    assert "No complaints were received in this period." in text
    assert "The steering group recorded no actions for next year." in text


CONSULTATIONS = {
    "consultations": [
        {
            "title": "Day centres review",
            "owner": "Northshire Council",
            "stage_label": "Formal consultation",
            "status_label": "Response published",
            "opens": "2025-05-01",
            "closes": "2025-06-26",
            "weeks": 8,
            "shorter_reason": "Statutory deadline",
            "invited": 12,
            "invited_bme_led": 5,
            "responding_organisations": 6,
            "responding_bme_led": 3,
            "comments": 14,
            "pending": 0,
            "response_due": "2025-09-18",
            "response_published_on": "2025-09-01",
            "response_on_time": True,
            "response_overdue": False,
            "url": "/consultations/day-centres/",
        }
    ],
    "totals": {
        "consultations": 1,
        "shorter_than_12_weeks": 1,
        "comments": 14,
        "responded": 14,
        "pending": 0,
        "invited": 12,
        "invited_bme_led": 5,
        "responding_organisations": 6,
        "responding_bme_led": 3,
        "responses_published": 1,
        "responses_published_on_time": 1,
        "responses_overdue": 0,
        "responses_due": 1,
    },
    "dispositions": [
        {"value": "accepted", "label": "Accepted and changed", "count": 9},
        {"value": "noted", "label": "Noted", "count": 5},
    ],
}
REPRESENTATION = {
    "on_date": "2026-03-31",
    "max_seats": 3,
    "boards": [
        {"name": "Local Strategic Partnership Board", "seats_held": 4, "bme_representatives": 2},
        {"name": "Health Partnership", "seats_held": 2, "bme_representatives": 0},
    ],
    "distinct_representatives": 4,
    "appointments": 6,
    "seats_per_person": "1.50",
    "bme_representatives": 2,
    "boards_without_bme_representative": ["Health Partnership"],
    "boards_without_bme_representative_count": 1,
    "overloaded_representatives": 1,
}


def test_consultations_and_representation_are_printed_from_their_contract_shapes(db, monkeypatch):
    # The real selectors belong to other apps; these are the shapes their contracts promise.
    monkeypatch.setattr("reviews.dataset.consultations_for_review", lambda **kwargs: CONSULTATIONS)
    monkeypatch.setattr("reviews.dataset.representation_for_review", lambda **kwargs: REPRESENTATION)
    dataset = json.loads(json.dumps(build(review_world())))
    assert not dataset["consultations"]["empty"] and not dataset["representation"]["empty"]
    figures = {f["label"]: f["display"] for f in dataset["year_in_numbers"]["figures"]}
    assert (figures["Consultations"], figures["Representatives on boards"]) == ("1", "4")
    assert dataset["consultations"]["chart"]["alt"].endswith("Accepted and changed: 9; Noted: 5.")
    text = _words(re.sub(r"<[^>]+>", " ", render_html(dataset)))
    assert (
        "Day centres review Northshire Council 1 May 2025 to 26 June 2025 8 (reason: Statutory deadline) 5 of 12 3 of 6 Published on time"
        in text
    )
    assert "Responses on time (within 12 weeks of closing; an overdue one counts as late) 1 of 1 (100.0%)" in text
    assert "4 representatives held 6 seats (1.50 per person)" in text
    assert "Boards with no BME representative: Health Partnership." in text


def test_the_pdf_drawn_in_a_child_process_is_the_one_drawn_in_process(dataset, tmp_path):
    # The build renders in a child process so the worker's memory stays flat (reviews.pdf_process).
    from reviews import pdf_process

    child = tmp_path / "child.pdf"
    pages = pdf_process.write_pdf(dataset, child)
    assert pages == write_pdf(dataset, tmp_path / "here.pdf") >= 1
    text = _words(" ".join(p.extract_text() or "" for p in PdfReader(child).pages))
    assert "Annual review of the Northshire Compact" in text
    assert [p.name for p in tmp_path.iterdir()] != [] and not list(tmp_path.glob(".dataset-*"))


def test_a_child_process_that_cannot_draw_the_pdf_says_why(tmp_path):
    from reviews import pdf_process

    with pytest.raises(pdf_process.PdfRenderFailed, match="KeyError: 'compact'"):
        pdf_process.write_pdf({}, tmp_path / "review.pdf")
    assert list(tmp_path.iterdir()) == []
