"""The eligibility checker: one question per page, answers posted and kept out of every address,
nothing stored on the server."""

import re

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


def answer(client, url, name, value):
    return client.post(url, {name: value, "answered": name})


def answer_all(client, members, bme, undisclosed):
    answer(client, MEMBERS, "members", members)
    answer(client, BME, "bme_members", bme)
    return answer(client, UNDISCLOSED, "undisclosed_members", undisclosed)


def test_the_start_page_explains_the_test_and_who_counts_as_bme(client):
    page = text(client.get(reverse("organisations:eligibility")))
    assert "at least 75% of its management committee" in page
    assert "Gypsy, Irish Traveller or Roma" in page
    assert f'href="{MEMBERS}"' in page


def test_each_answer_leads_to_the_next_question_and_then_the_answer(client):
    response = answer(client, MEMBERS, "members", "4")
    assert response["Location"] == BME
    page = text(client.get(response["Location"]))
    assert "How many of them are of BME origin?" in page and "Question 2 of 3" in page
    assert '<form method="post"' in page

    assert answer(client, BME, "bme_members", "3")["Location"] == UNDISCLOSED
    response = answer(client, UNDISCLOSED, "undisclosed_members", "0")
    assert response["Location"] == RESULT

    page = text(client.get(response["Location"]))
    assert "This board is BME-led" in page
    assert "3 of 4 board members are of BME origin (75%), which meets the 75% threshold." in page


def test_no_count_ever_appears_in_an_address(client):
    addresses = []
    for url, name, value in [
        (MEMBERS, "members", "8"),
        (BME, "bme_members", "5"),
        (UNDISCLOSED, "undisclosed_members", "1"),
    ]:
        addresses.append(answer(client, url, name, value)["Location"])
    page = text(client.get(RESULT))
    addresses += re.findall(r'href="([^"]*)"', page) + re.findall(r'action="([^"]*)"', page)
    assert "If they are of BME origin" in page
    assert not [a for a in addresses if "?" in a and re.search(r"members|=\d", a)]


def test_counts_in_an_old_style_address_are_ignored(client):
    assert client.get(RESULT, {"members": "4", "bme_members": "3", "undisclosed_members": "0"})["Location"] == MEMBERS
    page = text(client.get(MEMBERS, {"members": "4"}))
    assert 'value="4"' not in page


def test_the_result_says_when_undisclosed_members_leave_it_undecided(client):
    answer_all(client, "8", "5", "1")
    page = text(client.get(RESULT))
    assert "The result cannot be decided yet" in page
    assert "If they are of BME origin the share would be 75%" in page


def test_a_missing_or_wrong_answer_is_explained_on_its_page(client):
    page = text(answer(client, MEMBERS, "members", ""))
    assert "Enter how many people are on the board" in page and "<title>Error: " in page
    assert "Enter 1 or more" in text(answer(client, MEMBERS, "members", "0"))
    assert "Enter a whole number, like 8" in text(answer(client, MEMBERS, "members", "three"))
    answer(client, MEMBERS, "members", "4")
    page = text(answer(client, BME, "bme_members", "5"))
    assert "Members of BME origin (5) cannot be more than the 4 members of the board." in page
    answer(client, BME, "bme_members", "3")
    page = text(answer(client, UNDISCLOSED, "undisclosed_members", "2"))
    assert "add up to 5, which is more than the 4 members of the board" in page


def test_skipping_ahead_goes_back_to_the_first_question_without_an_answer(client):
    answer(client, MEMBERS, "members", "4")
    assert client.get(RESULT)["Location"] == BME
    assert client.get(reverse("organisations:eligibility")).status_code == 200  # starting again forgets
    assert client.get(UNDISCLOSED)["Location"] == MEMBERS


def test_changing_an_answer_keeps_the_others_filled_in(client):
    answer_all(client, "4", "3", "0")
    page = text(client.get(MEMBERS))
    assert 'value="4"' in page
    assert answer(client, MEMBERS, "members", "5")["Location"] == BME
    assert 'value="3"' in text(client.get(BME))
    assert "3 of 5 board members" in text(client.get(RESULT))


def test_nothing_typed_into_the_checker_is_stored(client):
    def counts():
        return [model.objects.count() for model in (User, Organisation, BoardDeclaration, Session)]

    before = counts()
    response = answer_all(client, "4", "3", "0")
    assert "sessionid" not in response.cookies
    assert counts() == before
    assert "sessionid" not in client.get(RESULT).cookies


def test_the_threshold_shown_is_the_one_the_portal_is_set_to(client, settings):
    from fractions import Fraction

    settings.BME_LED_THRESHOLD = Fraction("0.8")
    assert "at least 80% of its management committee" in text(client.get(reverse("organisations:eligibility")))
    answer_all(client, "4", "3", "0")
    assert "which is below the 80% threshold" in text(client.get(RESULT))
