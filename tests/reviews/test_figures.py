"""Figures that are right (issue 14, item 1): every rate counts what is overdue as well as what was
done, a review of a year not ended or with returns outstanding is an interim one (marked on every
page, published only with a reason), statuses are judged on a day no later than the build, and
overdue actions are flagged to the officer, the steering group and in the report. The clock is
pinned: the build date is given, and pages read a patched `timezone.localdate`."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from reviews import services
from reviews.dataset import build_dataset
from reviews.models import AnnualReview
from reviews.report import render_html, write_pdf
from undertakings.models import ComplianceReturn, ReturnStatus

from .factories import make_review
from .test_dataset import review_world

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC)


def build_on(world, when) -> dict:
    return build_dataset(compact=world.compact, period=world.period, actions=[], built_at=when)


def _words(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _stage_1(dataset) -> dict:
    return dataset["complaints"]["stage_rows"][0]


def _all_returns_in(world):
    ComplianceReturn.objects.filter(organisation=world.group).update(
        status=ReturnStatus.SUBMITTED, submitted_at=at(2026, 6, 1)
    )


def test_a_stage_never_acknowledged_and_past_its_deadline_counts_as_late():
    world = review_world()
    dataset = build_on(world, at(2026, 5, 20))
    # One complaint acknowledged in time; the other, raised on 1 September 2025, never was.
    stage = _stage_1(dataset)
    assert stage["acknowledged_on_time_display"] == "1 of 2 (50.0%)"
    assert stage["acknowledgement_overdue"] == 1
    # Its reply is late too (due at the latest 10 working days after the acknowledgement was due).
    assert stage["answered_on_time_display"] == "1 of 2 (50.0%)"
    timeliness = dataset["complaints"]["timeliness"]["stage_1"]
    assert (timeliness["acknowledgement_due"], timeliness["acknowledged"]) == (2, 1)
    assert "1 of 2 (50.0%)" in _words(render_html(dataset))


def test_a_stage_not_yet_due_is_neither_on_time_nor_late():
    world = review_world()
    # The day after the second complaint came in: its acknowledgement is not due yet.
    stage = _stage_1(build_on(world, at(2025, 9, 2)))
    assert stage["acknowledged_on_time_display"] == "1 of 1 (100.0%)"
    assert stage["acknowledgement_overdue"] == 0


def test_a_return_not_given_in_after_its_due_date_counts_as_late():
    world = review_world()
    ComplianceReturn.objects.filter(organisation=world.council).update(submitted_at=at(2026, 7, 15))
    ComplianceReturn.objects.filter(organisation=world.other_body).update(submitted_at=at(2026, 6, 1))
    # Due 30 June 2026. Before then, the forum's draft is not yet late.
    before = build_on(world, at(2026, 6, 20))["compliance"]
    assert before["returns_on_time_display"] == "1 of 2 (50.0%)"
    after = build_on(world, at(2026, 8, 1))
    assert after["compliance"]["returns_on_time_display"] == "1 of 3 (33.3%)"
    figures = {f["label"]: f["display"] for f in after["year_in_numbers"]["figures"]}
    assert figures["Compliance returns on time"] == "1 of 3 (33.3%)"


def test_a_year_not_ended_makes_an_interim_review_judged_on_the_build_day():
    world = review_world()
    dataset = build_on(world, at(2026, 2, 1))
    assert dataset["interim"] is True
    assert len(dataset["interim_reasons"]) == 2
    assert "runs until 31 March 2026" in dataset["interim_reasons"][0]
    assert "1 compliance return of 3 had not been given in" in dataset["interim_reasons"][1]
    # BME-led status and seats are judged on the build day, never on the period's end still to come.
    assert dataset["status_date"] == "2026-02-01"
    assert dataset["bme_led"]["on_date"] == "2026-02-01"
    assert dataset["representation"]["on_date"] == "2026-02-01"


def test_returns_outstanding_make_an_interim_review_and_all_in_a_final_one():
    world = review_world()
    outstanding = build_on(world, at(2026, 8, 1))
    assert outstanding["interim"] is True and len(outstanding["interim_reasons"]) == 1
    assert outstanding["bme_led"]["on_date"] == "2026-03-31"
    _all_returns_in(world)
    final = build_on(world, at(2026, 8, 1))
    assert final["interim"] is False and final["interim_reasons"] == []
    assert "This is an interim review" not in render_html(final)


def test_every_page_of_an_interim_pdf_says_so(tmp_path):
    world = review_world()
    dataset = build_on(world, at(2026, 2, 1))
    path = tmp_path / "interim.pdf"
    pages = write_pdf(dataset, path)
    texts = [page.extract_text() for page in PdfReader(path).pages]
    assert pages == len(texts) > 3
    assert all("INTERIM REVIEW" in text for text in texts)
    _all_returns_in(world)
    final = tmp_path / "final.pdf"
    write_pdf(build_on(world, at(2026, 8, 1)), final)
    assert not any("INTERIM" in page.extract_text() for page in PdfReader(final).pages)


def test_the_html_and_json_mark_an_interim_review(client_for):
    world = review_world()
    review = make_review(world)
    review.dataset = build_on(world, at(2026, 2, 1))
    review.save()
    services.review_publish(review=review, user=world.users["steering_member"], interim_reason="For the meeting.")
    page = client_for(None).get(reverse("reviews:published", args=["northshire", "2025-26"])).content.decode()
    assert "This is an interim review" in page and "runs until 31 March 2026" in page
    assert "The steering group published it because: For the meeting." in page
    data = client_for(None).get(reverse("reviews:published-data", args=["northshire", "2025-26"])).json()
    assert data["interim"] is True and len(data["interim_reasons"]) == 2
    assert data["interim_published_because"] == "For the meeting."


def test_an_interim_review_is_published_only_with_a_reason(client_for):
    world = review_world()
    review = make_review(world)
    review.dataset = build_on(world, at(2026, 8, 1))
    review.save()
    chair = world.users["steering_member"]
    with pytest.raises(services.ValidationError) as error:
        services.review_publish(review=review, user=chair, interim_reason="  ")
    assert services.INTERIM_REASON_REQUIRED in error.value.messages
    client = client_for(world.users["steering_member"])
    url = reverse("reviews:version-publish", args=["northshire", "2025-26", review.version])
    form = client.get(url).content.decode()
    assert "This is an interim review" in form and "Why publish this interim review?" in form
    refused = client.post(url, {"interim_reason": ""})
    assert refused.status_code == 200 and services.INTERIM_REASON_REQUIRED in refused.content.decode()
    assert not AnnualReview.objects.get(pk=review.pk).is_published
    client.post(url, {"interim_reason": "The annual meeting asked for the figures so far."})
    review.refresh_from_db()
    assert review.is_published and review.interim_reason == "The annual meeting asked for the figures so far."


def test_a_final_review_is_published_without_a_reason(client_for):
    world = review_world()
    _all_returns_in(world)
    review = make_review(world)
    review.dataset = build_on(world, at(2026, 8, 1))
    review.save()
    url = reverse("reviews:version-publish", args=["northshire", "2025-26", review.version])
    assert "Why publish" not in client_for(world.users["steering_member"]).get(url).content.decode()
    client_for(world.users["steering_member"]).post(url)
    review.refresh_from_db()
    assert review.is_published and review.interim_reason == ""


def test_overdue_actions_are_flagged_in_the_report():
    world = review_world()
    # The council's action is due on 31 December 2026.
    before = build_on(world, at(2026, 12, 31))["compliance"]
    assert before["return_actions_overdue"] == 0 and not before["return_actions"][0]["overdue"]
    after = build_on(world, at(2027, 1, 2))
    assert after["compliance"]["return_actions_overdue"] == 1 and after["compliance"]["return_actions"][0]["overdue"]
    assert "Find a budget for interpreters Head of Communities 31 December 2026 Overdue" in _words(render_html(after))


@pytest.fixture
def pinned(monkeypatch):
    def pin(day):
        monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)

    return pin


def test_overdue_actions_are_flagged_to_the_officer_and_the_steering_group(client_for, pinned):
    world = review_world()
    officer, chair = client_for(world.users["officer"]), client_for(world.users["steering_member"])
    overview = reverse("undertakings:period-overview", args=[world.period.pk])
    council_return = ComplianceReturn.objects.get(organisation=world.council)
    detail = reverse("undertakings:return-detail", args=[council_return.pk])
    pinned(datetime.date(2026, 12, 31))
    assert "Overdue actions" not in officer.get(reverse("undertakings:return-list")).content.decode()
    assert "Overdue actions" not in chair.get(overview).content.decode()
    pinned(datetime.date(2027, 1, 2))
    for page in (officer.get(reverse("undertakings:return-list")), chair.get(overview)):
        text = _words(page.content.decode())
        assert "1 action promised in compliance returns is past its due date and not done" in text
        assert "Find a budget for interpreters" in text and "31 Dec 2026 Overdue" in text
    assert "Overdue" in officer.get(detail).content.decode()
    # Another body's officer is not told about the council's actions.
    assert (
        "Overdue actions"
        not in client_for(world.users["other_officer"]).get(reverse("undertakings:return-list")).content.decode()
    )
