"""The review's words (issue 14, item 2): the annual meeting, the chair's foreword, the sector's
statement and the commentary on each section are written by the steering group, each optional,
changeable until the review is published, frozen into the version built, and printed in place."""

import datetime
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisations.models import SteeringGroupMember
from reviews import jobs, services
from reviews import narrative as narrative_services
from reviews.dataset import build_dataset
from reviews.models import AnnualReview
from reviews.narrative import narrative_as_dataset, narrative_for
from reviews.report import render_html
from tests import factories as f

pytestmark = pytest.mark.django_db

BUILT_AT = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


def url(world, name):
    return reverse(name, args=[world.compact.slug, world.period.label])


def dataset_for(world) -> dict:
    return build_dataset(
        compact=world.compact,
        period=world.period,
        actions=[],
        built_at=BUILT_AT,
        narrative=narrative_as_dataset(narrative_for(world.compact, world.period)),
    )


def words(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def sector_member(world):
    user = f.UserFactory(full_name="Amara Okafor")
    return f.SteeringGroupMemberFactory(compact=world.compact, user=user, role="Voluntary sector representative")


def test_the_steering_group_records_the_annual_meeting(world, client_for):
    client = client_for(world.users["steering_member"])
    form = client.get(url(world, "reviews:meeting")).content.decode()
    # The organisations to tick are the Compact's signatories, not every organisation.
    assert "African Caribbean Forum" in form and "Polish Community Centre" not in form
    response = client.post(
        url(world, "reviews:meeting"),
        {
            "date_0": "17",
            "date_1": "6",
            "date_2": "2026",
            "place": "The Guildhall, Northshire",
            "attending": [world.council.pk, world.group.pk],
            "decisions": "Agreed the review.\nAsked the council to report on interpreters by December.",
        },
    )
    assert response.status_code == 302
    dataset = dataset_for(world)
    assert dataset["annual_meeting"] == {
        "date": "2026-06-17",
        "date_display": "17 June 2026",
        "place": "The Guildhall, Northshire",
        "attending": ["African Caribbean Forum", "Northshire Council"],
        "decisions": "Agreed the review.\nAsked the council to report on interpreters by December.",
        "empty": False,
    }
    text = words(render_html(dataset))
    assert "The annual meeting Each year" in text
    assert "Date 17 June 2026 Place The Guildhall, Northshire" in text
    assert "Organisations attending 2: African Caribbean Forum, Northshire Council" in text
    assert "Asked the council to report on interpreters by December." in text


def test_only_signatories_can_be_recorded_as_attending(world):
    with pytest.raises(ValidationError) as error:
        narrative_services.review_meeting_save(
            compact=world.compact,
            period=world.period,
            user=world.users["steering_member"],
            date=None,
            place="",
            attending=[world.other_group],
            decisions="",
        )
    assert narrative_services.NOT_A_SIGNATORY in error.value.messages


def test_the_foreword_and_the_sectors_statement_are_printed_with_who_wrote_them(world, client_for):
    member = sector_member(world)
    client = client_for(world.users["steering_member"])
    refused = client.post(
        url(world, "reviews:foreword"), {"foreword": "", "foreword_by": "", "statement": "Our view.", "authors": []}
    )
    assert narrative_services.AUTHORS_REQUIRED in unescape(refused.content.decode())
    client.post(
        url(world, "reviews:foreword"),
        {
            "foreword": "A year of steady progress.",
            "foreword_by": "Sam Steering, Chair",
            "statement": "Groups still hear about consultations too late.",
            "authors": [member.pk],
        },
    )
    dataset = dataset_for(world)
    ids = [s["id"] for s in dataset["sections"]]
    assert ids[:3] == ["foreword", "annual_meeting", "year_in_numbers"]
    assert ids[-3:] == ["sector_statement", "actions", "annexes"]
    assert dataset["sector_statement"]["authors"] == ["Amara Okafor (Voluntary sector representative)"]
    text = words(render_html(dataset))
    assert "Foreword A year of steady progress. Sam Steering, Chair" in text
    assert (
        "written by its representatives on the steering group: Amara Okafor (Voluntary sector representative)" in text
    )
    assert "Groups still hear about consultations too late." in text


def test_authors_come_from_the_compacts_own_steering_group(world):
    other = f.SteeringGroupMemberFactory(compact=f.CompactFactory(name="Other", slug="other"))
    with pytest.raises(ValidationError) as error:
        narrative_services.review_foreword_save(
            compact=world.compact,
            period=world.period,
            user=world.users["steering_member"],
            foreword="",
            foreword_by="",
            statement="Ours.",
            authors=[other],
        )
    assert narrative_services.NOT_ON_STEERING_GROUP in error.value.messages


def test_a_review_without_foreword_or_statement_leaves_them_out(world):
    ids = [s["id"] for s in dataset_for(world)["sections"]]
    assert "foreword" not in ids and "sector_statement" not in ids
    meeting = dataset_for(world)["annual_meeting"]
    assert meeting["empty"] is True
    assert "The steering group has not recorded the annual meeting" in render_html(dataset_for(world))


def test_the_commentary_is_printed_at_the_top_of_its_section(world, client_for):
    client = client_for(world.users["steering_member"])
    assert "Commentary on each section" in client.get(url(world, "reviews:commentary")).content.decode()
    client.post(
        url(world, "reviews:commentary"), {"complaints": "Two complaints, both about invitations.", "funding": ""}
    )
    dataset = dataset_for(world)
    by_id = {s["id"]: s for s in dataset["sections"]}
    assert by_id["complaints"]["commentary"] == "Two complaints, both about invitations."
    assert by_id["funding"]["commentary"] == ""
    html = unescape(render_html(dataset))
    complaints = html[html.index('id="complaints"') : html.index('id="bme_led"')]
    assert "The steering group's commentary" in complaints and "both about invitations" in complaints
    assert "The steering group's commentary" not in html[: html.index('id="complaints"')]


def test_the_words_are_frozen_in_the_version_and_locked_once_published(world, settings):
    chair = world.users["steering_member"]
    save = lambda text: narrative_services.review_foreword_save(  # noqa: E731
        compact=world.compact, period=world.period, user=chair, foreword=text, foreword_by="", statement="", authors=[]
    )
    save("The first words.")
    review = services.review_request(compact=world.compact, period=world.period, user=chair, queue=False)
    jobs.review_build(review_id=review.pk)
    review.refresh_from_db()
    assert review.dataset["foreword"]["text"] == "The first words."
    save("Changed before publishing.")  # editable until publication
    services.review_publish(review=review, user=chair, interim_reason="For the meeting.")
    with pytest.raises(ValidationError) as error:
        save("Changed after publishing.")
    assert narrative_services.PUBLISHED in error.value.messages
    # The published version prints what it was built with.
    assert AnnualReview.objects.get(pk=review.pk).dataset["foreword"]["text"] == "The first words."
    services.review_withdraw(review=review, user=chair, reason="A mistake.")
    save("Corrected.")
    assert narrative_for(world.compact, world.period).foreword == "Corrected."


def test_the_build_page_shows_what_is_written_and_links_to_each_form(world, client_for):
    sector_member(world)
    narrative_services.review_meeting_save(
        compact=world.compact,
        period=world.period,
        user=world.users["steering_member"],
        date=datetime.date(2026, 6, 17),
        place="The Guildhall",
        attending=[],
        decisions="",
    )
    page = words(client_for(world.users["steering_member"]).get(url(world, "reviews:manage")).content.decode())
    assert "The annual meeting 17 June 2026, The Guildhall Change the annual meeting" in page
    assert "Chair's foreword None" in page
    assert SteeringGroupMember.objects.filter(compact=world.compact).count() == 2
