"""Readable at any size (issue 14, item 5): the body of the report summarises and prints the
exceptions; lists that grow with the Compact go to the annex while short and always to open-data
files (CSV) published with the review, linked from it."""

import csv
import datetime
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from reviews import annexes, compliance_summary
from reviews.dataset import build_dataset
from reviews.report import render_html

from .factories import make_review
from .test_dataset import review_world

pytestmark = pytest.mark.django_db

BUILT_AT = datetime.datetime(2026, 8, 1, 9, 0, tzinfo=datetime.UTC)


def build(world) -> dict:
    return build_dataset(compact=world.compact, period=world.period, actions=[], built_at=BUILT_AT)


def words(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_the_body_prints_the_exceptions_and_the_annex_the_rest():
    world = review_world()
    dataset = build(world)
    html = render_html(dataset)
    body = words(html[: html.index('id="annexes"')])
    annex = words(html[html.index('id="annexes"') :])
    # Not met and partly met, with their explanations in full, in the compliance section.
    assert "Northshire Council 3.2.1 Not met No budget this year." in body
    assert "Northshire Council 3.1.2 Partly met We ran out of budget for interpreters" in body
    # Every signatory and every BME-led organisation: in the annex, not the body.
    assert "Every signatory, with the dates they signed and withdrew" in annex
    assert "African Caribbean Forum" in annex
    assert "Organisations that signed the Compact, with the dates" not in body
    names = [f["name"] for f in dataset["open_data"]]
    assert names == [
        "statements",
        "exceptions",
        "compliance-by-body",
        "signatories",
        "bme-led-organisations",
        "return-actions",
        "complaint-lessons",
    ]
    assert dataset["open_data_url"].endswith("/reviews/northshire/2025-26.json")


def test_long_lists_are_not_printed_but_named_with_their_open_data_file(monkeypatch):
    monkeypatch.setattr(annexes, "ANNEX_ROWS", 2)
    dataset = build(review_world())
    by_name = {f["name"]: f for f in dataset["open_data"]}
    assert by_name["signatories"]["rows"] == 3 and by_name["signatories"]["in_pdf"] is False
    assert by_name["bme-led-organisations"]["in_pdf"] is True
    annex = words(render_html(dataset))
    assert (
        "Every signatory, with the dates they signed and withdrew 3 rows: "
        "http://testserver/reviews/northshire/2025-26/data/signatories.csv (too long to print here)."
        in annex
        or "/reviews/northshire/2025-26/data/signatories.csv (too long to print here)." in annex
    )


def test_the_published_reviews_lists_download_as_csv(client_for):
    world = review_world()
    review = make_review(world, published=True)
    review.dataset = build(world)
    review.save()
    client = client_for(None)
    response = client.get(reverse("reviews:published-table", args=["northshire", "2025-26", "statements"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0] == ["Organisation", "Code", "Undertaking", "Rating", "Explanation"]
    assert len(rows) - 1 == len(review.dataset["compliance"]["statements"]) == 2
    assert ["Northshire Council", "Northshire BME Code", "3.2.1", "Not met", "No budget this year."] in rows
    signatories = client.get(reverse("reviews:published-table", args=["northshire", "2025-26", "signatories"]))
    assert len(list(csv.reader(io.StringIO(signatories.getvalue().decode())))) == 4
    missing = client.get(reverse("reviews:published-table", args=["northshire", "2025-26", "everything"]))
    assert missing.status_code == 404
    page = client.get(reverse("reviews:published", args=["northshire", "2025-26"])).getvalue().decode()
    assert "/reviews/northshire/2025-26/data/signatories.csv" in page


def test_a_compact_with_many_exceptions_summarises_them_per_body_and_links_every_one(monkeypatch):
    # A metro Compact has over a thousand; two stand in for them here.
    monkeypatch.setattr(compliance_summary, "BODY_EXCEPTIONS", 1)
    monkeypatch.setattr(compliance_summary, "BODY_RETURNS", 1)
    monkeypatch.setattr(annexes, "ANNEX_ROWS", 1)  # as every list of such a Compact is long
    world = review_world()
    dataset = build(world)
    html = render_html(dataset)
    body = words(html[html.index('id="compliance"') : html.index('id="annexes"')])
    annex = words(html[html.index('id="annexes"') :])
    # The body counts them, names the file that holds every one in full, and summarises per body.
    assert "Counted returns rated 1 undertaking not met and 1 partly met: 2 explanations" in body
    assert "/reviews/northshire/2025-26/data/exceptions.csv" in body
    assert "Each body whose return rated undertakings below met" in body
    assert "Northshire Council 62.5% (2.5 of 4) 1 1 3.2.1" in body
    assert "The undertakings most often not met: 3.2.1" in body
    # The per-sector table stands in for every body's return, which is in its own file.
    assert "Returns and undertakings not met in full, by sector" in body
    assert "/reviews/northshire/2025-26/data/compliance-by-body.csv" in body
    # Explanations are no longer in the body; every "not met" is in the annex, "partly met" only in the file.
    assert "No budget this year." not in body
    assert "Northshire Council 3.2.1 No budget this year." in annex
    assert "We ran out of budget for interpreters" not in html
    exceptions = {f["name"]: f for f in dataset["open_data"]}["exceptions"]
    assert (exceptions["rows"], exceptions["in_body"], exceptions["printed"]) == (2, False, "not_met")


def test_when_even_the_not_met_are_too_many_for_the_annex_only_the_file_holds_them(monkeypatch):
    monkeypatch.setattr(compliance_summary, "BODY_EXCEPTIONS", 1)
    monkeypatch.setattr(compliance_summary, "ANNEX_NOT_MET", 0)
    monkeypatch.setattr(annexes, "ANNEX_ROWS", 1)
    html = render_html(build(review_world()))
    assert "No budget this year." not in html
    annex = words(html[html.index('id="annexes"') :])
    assert "Every undertaking rated not met or partly met, with its explanation 2 rows: " in annex
    assert (
        "/reviews/northshire/2025-26/data/exceptions.csv "
        "(summarised per body in “Compliance with the Codes”, too long to print here)." in annex
    )


def test_a_small_compact_prints_every_exception_and_every_body_in_the_body():
    html = render_html(build(review_world()))
    body = words(html[html.index('id="compliance"') : html.index('id="annexes"')])
    assert "Explanations given for undertakings not met in full" in body
    assert "Each signatory's return" in body
    assert "by sector" not in body and "exceptions.csv" not in body


def test_the_exceptions_file_carries_the_compacts_name_on_every_row(client_for):
    world = review_world()
    review = make_review(world, published=True)
    review.dataset = build(world)
    review.save()
    response = client_for(None).get(reverse("reviews:published-table", args=["northshire", "2025-26", "exceptions"]))
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0] == ["Compact", "Organisation", "Code", "Undertaking", "Rating", "Explanation"]
    assert len(rows) == 3
    assert ["Northshire Council", "Northshire BME Code", "3.2.1", "Not met", "No budget this year."] in [
        r[1:] for r in rows
    ]
    assert {r[0] for r in rows[1:]} == {world.compact.name}
