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

from reviews import annexes
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
