"""The eligibility checker: one question per page, answers carried in the address, nothing stored."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.models import User
from organisations.models import BoardDeclaration, Organisation

pytestmark = pytest.mark.django_db

MEMBERS = reverse("organisations:eligibility-members")
BME = reverse("organisations:eligibility-bme-members")
UNDISCLOSED = reverse("organisations:eligibility-undisclosed-members")
RESULT = reverse("organisations:eligibility-result")


def text(response):
    return response.content.decode()


def test_the_start_page_explains_the_test_and_who_counts_as_bme(client):
    page = text(client.get(reverse("organisations:eligibility")))
    assert "at least 75% of its management committee" in page
    assert "Gypsy, Irish Traveller or Roma" in page
    assert f'href="{MEMBERS}"' in page


def test_each_answer_leads_to_the_next_question_and_then_the_answer(client):
    response = client.get(MEMBERS, {"members": "4", "answered": "members"})
    assert response["Location"] == f"{BME}?members=4"
    page = text(client.get(response["Location"]))
    assert "How many of them are of BME origin?" in page and "Question 2 of 3" in page
    assert '<input type="hidden" name="members" value="4"' in page

    response = client.get(BME, {"members": "4", "bme_members": "3", "answered": "bme_members"})
    assert response["Location"] == f"{UNDISCLOSED}?members=4&bme_members=3"
    response = client.get(
        UNDISCLOSED, {"members": "4", "bme_members": "3", "undisclosed_members": "0", "answered": "undisclosed_members"}
    )
    assert response["Location"] == f"{RESULT}?members=4&bme_members=3&undisclosed_members=0"

    page = text(client.get(response["Location"]))
    assert "This board is BME-led" in page
    assert "3 of 4 board members are of BME origin (75%), which meets the 75% threshold." in page


def test_the_result_says_when_undisclosed_members_leave_it_undecided(client):
    page = text(client.get(RESULT, {"members": "8", "bme_members": "5", "undisclosed_members": "1"}))
    assert "The result cannot be decided yet" in page
    assert "If they are of BME origin the share would be 75%" in page


def test_a_missing_or_wrong_answer_is_explained_on_its_page(client):
    page = text(client.get(MEMBERS, {"members": "", "answered": "members"}))
    assert "Enter how many people are on the board" in page and "<title>Error: " in page
    page = text(client.get(MEMBERS, {"members": "0", "answered": "members"}))
    assert "Enter 1 or more" in page
    page = text(client.get(MEMBERS, {"members": "three", "answered": "members"}))
    assert "Enter a whole number, like 8" in page
    page = text(client.get(BME, {"members": "4", "bme_members": "5", "answered": "bme_members"}))
    assert "Members of BME origin (5) cannot be more than the 4 members of the board." in page
    page = text(
        client.get(
            UNDISCLOSED,
            {"members": "4", "bme_members": "3", "undisclosed_members": "2", "answered": "undisclosed_members"},
        )
    )
    assert "add up to 5, which is more than the 4 members of the board" in page


def test_skipping_ahead_goes_back_to_the_first_question_without_an_answer(client):
    assert client.get(RESULT, {"members": "4"})["Location"] == f"{BME}?members=4"
    assert client.get(UNDISCLOSED)["Location"] == MEMBERS
    assert client.get(RESULT, {"members": "4", "bme_members": "9", "undisclosed_members": "0"})["Location"].startswith(
        BME
    )


def test_changing_an_answer_keeps_the_others_filled_in(client):
    page = text(client.get(MEMBERS, {"members": "4", "bme_members": "3", "undisclosed_members": "0"}))
    assert 'value="4"' in page
    assert '<input type="hidden" name="bme_members" value="3">' in page
    response = client.get(
        MEMBERS, {"members": "5", "bme_members": "3", "undisclosed_members": "0", "answered": "members"}
    )
    assert response["Location"] == f"{BME}?members=5&bme_members=3&undisclosed_members=0"


def test_nothing_typed_into_the_checker_is_stored(client):
    def counts():
        return [model.objects.count() for model in (User, Organisation, BoardDeclaration, Session)]

    before = counts()
    for url, query in [
        (MEMBERS, {"members": "4", "answered": "members"}),
        (BME, {"members": "4", "bme_members": "3", "answered": "bme_members"}),
        (RESULT, {"members": "4", "bme_members": "3", "undisclosed_members": "0"}),
    ]:
        response = client.get(url, query)
        assert "sessionid" not in response.cookies
    assert counts() == before


def test_the_threshold_shown_is_the_one_the_portal_is_set_to(client, settings):
    from fractions import Fraction

    settings.BME_LED_THRESHOLD = Fraction("0.8")
    assert "at least 80% of its management committee" in text(client.get(reverse("organisations:eligibility")))
    page = text(client.get(RESULT, {"members": "4", "bme_members": "3", "undisclosed_members": "0"}))
    assert "which is below the 80% threshold" in page
