"""Progress and trend (issue 14, item 3): last year's actions with what became of each, every
headline figure beside the two years before, and how the Compact developed in the year."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from reviews.dataset import build_dataset
from reviews.models import ReviewAction
from reviews.report import render_html
from tests import factories as f
from tests.undertakings.factories import ActionFactory, ComplianceEntryFactory, ComplianceReturnFactory
from undertakings.models import CodeStatus, ComplianceEntry, Rating, ReturnStatus

from .factories import make_review
from .test_dataset import review_world

pytestmark = pytest.mark.django_db

BUILT_AT = datetime.datetime(2026, 8, 1, 9, 0, tzinfo=datetime.UTC)


def words(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def build(world) -> dict:
    return build_dataset(compact=world.compact, period=world.period, actions=[], built_at=BUILT_AT)


def last_year(world, label="2024-25", year=2024):
    return f.ReportingPeriodFactory(
        compact=world.compact,
        label=label,
        start_date=datetime.date(year, 4, 1),
        end_date=datetime.date(year + 1, 3, 31),
        returns_due=datetime.date(year + 1, 6, 30),
    )


def test_last_years_steering_group_actions_are_printed_with_what_became_of_them(client_for):
    world = review_world()
    previous = last_year(world)
    done = ReviewAction.objects.create(
        compact=world.compact, period=previous, action="Run a workshop on comply or explain", owner="Chair", position=1
    )
    ReviewAction.objects.create(
        compact=world.compact, period=previous, action="Visit every BME-led group", owner="Sector reps", position=2
    )
    client = client_for(world.users["steering_member"])
    manage = words(client.get(reverse("reviews:manage", args=["northshire", "2025-26"])).content.decode())
    assert "Last year's actions" in manage and "Run a workshop on comply or explain Not recorded" in manage
    url = reverse("reviews:action-progress", args=["northshire", "2024-25", done.pk])
    refused = client.post(url, {"progress": "", "note": ""})
    assert "Say what became of the action" in unescape(refused.content.decode())
    response = client.post(url, {"progress": "done", "note": "Held in October with 23 organisations."})
    assert response.url == reverse("reviews:manage", args=["northshire", "2025-26"])
    dataset = build(world)
    progress = dataset["progress"]
    assert progress["previous_period"] == "2024-25"
    assert [(a["progress_label"], a["note"]) for a in progress["review_actions"]] == [
        ("Done", "Held in October with 23 organisations."),
        ("Not recorded", ""),
    ]
    text = words(render_html(dataset))
    assert "Run a workshop on comply or explain Chair No date set Done: Held in October with 23 organisations." in text


def test_actions_promised_in_last_years_returns_are_done_in_progress_or_dropped():
    world = review_world()
    previous = last_year(world)
    old_return = ComplianceReturnFactory(
        organisation=world.council, period=previous, code=world.code, status=ReturnStatus.REVIEWED
    )
    entry = ComplianceEntryFactory(
        compliance_return=old_return,
        undertaking=world.code.undertakings.get(ref="3.2.1"),
        rating=Rating.NOT_MET,
        explanation="No budget.",
    )
    ActionFactory(entry=entry, what="Train staff", done=True, done_on=datetime.date(2025, 11, 3))
    carried = ActionFactory(entry=entry, what="Hire interpreters", due_on=datetime.date(2025, 9, 30))
    ActionFactory(entry=entry, what="Write a policy", due_on=datetime.date(2025, 12, 31))
    this_year = ComplianceEntry.objects.get(
        compliance_return__organisation=world.council, compliance_return__period=world.period, undertaking__ref="3.2.1"
    )
    ActionFactory(entry=this_year, what="Hire interpreters", carried_forward_from=carried)
    returns = build(world)["progress"]["return_actions"]
    assert (returns["total"], returns["done"], returns["in_progress"], returns["dropped"]) == (3, 1, 1, 1)
    assert [(a["what"], a["progress"], a["sentence"]) for a in returns["items"]] == [
        ("Train staff", "done", "Done on 3 November 2025."),
        ("Hire interpreters", "in_progress", "Carried into the 2025-26 return, due 31 December 2026."),
        ("Write a policy", "dropped", "Not done by 31 December 2025 and not carried into a later return."),
    ]
    assert returns["by_body"] == [{"organisation": "Northshire Council", "done": 1, "in_progress": 1, "dropped": 1}]


def test_headline_figures_stand_beside_last_year_and_the_year_before():
    world = review_world()
    previous = last_year(world)
    last_year(world, label="2023-24", year=2023)
    # Last year's review was published with its figures then; the year before has none: recomputed.
    published = make_review(world, period=previous, published=True)
    figures = published.dataset["year_in_numbers"]["figures"]
    for figure in figures:
        if figure["label"] == "Complaints received":
            figure["display"] = "7"
    published.save()
    trend = build(world)["year_in_numbers"]["trend"]
    assert trend["periods"] == ["2025-26", "2024-25", "2023-24"]
    rows = {row["label"]: row["values"] for row in trend["rows"]}
    assert rows["Complaints received"] == ["2", "7", "0"]
    assert rows["Signatories"][0] == "3 signatories"
    assert trend["sources"][0]["source"].startswith("published review, built on")
    assert trend["sources"][1]["source"] == "recomputed from the records when this review was built"
    text = words(render_html(build(world)))
    assert "Compared with earlier years" in text and "Complaints received 2 7 0" in text


def test_a_first_year_has_no_comparison_and_no_progress():
    dataset = build(review_world())
    assert dataset["year_in_numbers"]["trend"]["empty"] is True
    assert dataset["progress"]["empty"] is True
    assert "Compared with earlier years" not in render_html(dataset)


def test_the_compacts_development_in_the_year():
    world = review_world()
    f.CodeFactory(
        compact=world.compact,
        slug="northshire-bme",
        version="2.0",
        title="Northshire BME Code of Good Practice",
        status=CodeStatus.ADOPTED,
        adopted_on=datetime.date(2025, 10, 1),
    )
    newcomer = f.OrganisationFactory(name="Somali Women's Network", slug="somali-womens-network")
    f.SignatoryFactory(compact=world.compact, organisation=newcomer, signed_on=datetime.date(2025, 7, 1))
    leaver = f.PublicBodyFactory(name="Northshire Fire Service", slug="northshire-fire")
    f.SignatoryFactory(
        compact=world.compact,
        organisation=leaver,
        signed_on=datetime.date(2019, 1, 1),
        withdrawn_on=datetime.date(2026, 1, 31),
    )
    development = build(world)["development"]
    assert [(c["version"], c["adopted_on_display"]) for c in development["codes_adopted"]] == [
        ("2.0", "1 October 2025")
    ]
    assert [o["name"] for o in development["signed"]] == ["Somali Women's Network"]
    assert [(o["name"], o["on_display"]) for o in development["withdrew"]] == [
        ("Northshire Fire Service", "31 January 2026")
    ]
    text = words(render_html(build(world)))
    assert "Northshire BME Code of Good Practice, version 2.0, adopted 1 October 2025" in text
    assert "1 signed and 1 withdrew" in text
