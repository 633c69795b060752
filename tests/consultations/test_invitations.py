"""The invitations page at any size (issue 17): organisations found by filter and read a page at a
time, each shown invited or with a box to tick; inviting the ticked ones, all on a page, or every
organisation matching a filter after a confirmation that says how many; the same queries whatever
the number of organisations."""

import re

import pytest
from django.urls import reverse

from consultations.models import Invitation
from consultations.views.invitations import INVITATIONS_PER_PAGE
from organisations.models import Organisation
from tests.factories import OrganisationFactory

from .factories import make_consultation

pytestmark = pytest.mark.django_db


def _groups(count: int, prefix: str = "Neighbourhood Group"):
    """Names that sort in the order made: "Neighbourhood Group 001", "… 002"."""
    return [OrganisationFactory(name=f"{prefix} {n:03}") for n in range(1, count + 1)]


def _listed(world) -> int:
    """Voluntary organisations the directory lists, as the page counts them."""
    return Organisation.objects.listed().voluntary().count()


def _boxes(page: str) -> list[str]:
    return re.findall(r'name="organisations" type="checkbox" value="(\d+)"', page)


def _url(consultation, name="consultations:invitations"):
    return reverse(name, args=[consultation.slug])


@pytest.fixture
def crowded(world):
    return make_consultation(world), _groups(INVITATIONS_PER_PAGE + 10)


def test_organisations_come_a_page_at_a_time_with_links_between_pages(world, client_for, crowded):
    consultation, _ = crowded
    total = _listed(world)
    client = client_for(world.users["officer"])
    first = client.get(_url(consultation)).content.decode()
    assert f"Showing 1 to {INVITATIONS_PER_PAGE} of {total} organisations." in first
    assert len(_boxes(first)) == INVITATIONS_PER_PAGE
    assert 'rel="next"' in first and 'href="?page=2"' in first and 'rel="prev"' not in first
    last = client.get(_url(consultation), {"page": 2}).content.decode()
    assert f"Showing {INVITATIONS_PER_PAGE + 1} to {total} of {total} organisations." in last
    assert len(_boxes(last)) == total - INVITATIONS_PER_PAGE and 'rel="prev"' in last


def test_the_filter_finds_organisations_by_name_and_its_pages_keep_the_filter(world, client_for, crowded):
    consultation, _ = crowded
    _groups(3, prefix="Riverside Forum")
    client = client_for(world.users["officer"])
    page = client.get(_url(consultation), {"name": "riverside"}).content.decode()
    assert "Showing 1 to 3 of 3 organisations." in page
    assert "Riverside Forum 001" in page and "Neighbourhood Group 001" not in page
    assert 'rel="next"' not in page
    # The next page of a filtered list is still filtered.
    named = client.get(_url(consultation), {"name": "neighbourhood"}).content.decode()
    assert f"of {INVITATIONS_PER_PAGE + 10} organisations." in named
    assert 'href="?name=neighbourhood&amp;page=2"' in named
    assert "No organisations match this filter." in client.get(_url(consultation), {"name": "zzz"}).content.decode()


def test_ticked_organisations_and_all_on_a_page_are_invited_and_then_shown_as_invited(world, client_for, crowded):
    consultation, groups = crowded
    client = client_for(world.users["officer"])
    url = _url(consultation) + "?name=neighbourhood"
    response = client.post(url, {"organisations": [groups[0].pk, groups[1].pk]})
    assert response.status_code == 302 and response.url == url
    page = client.get(url).content.decode()
    assert "2 organisations invited. The emails are sent now." in page
    assert "2 organisations invited; 0 of them have commented." in page
    assert str(groups[0].pk) not in _boxes(page) and len(_boxes(page)) == INVITATIONS_PER_PAGE - 2
    row = page.split("Neighbourhood Group 001")[1].split("</tr>")[0]
    assert "Invited" in row and "email not sent yet" in row

    # "Invite all on this page" posts the page's organisations not yet invited: no JavaScript needed.
    hidden = re.findall(r'type="hidden" name="organisations" value="(\d+)"', page)
    assert f"Invite all {INVITATIONS_PER_PAGE - 2} not yet invited on this page" in page
    assert client.post(url, {"organisations": hidden}).status_code == 302
    assert Invitation.objects.filter(consultation=consultation).count() == INVITATIONS_PER_PAGE
    second = client.get(url + "&page=2").content.decode()
    assert len(_boxes(second)) == 10  # the second page is untouched

    # Only the invited, when asked.
    invited = client.get(_url(consultation), {"invited": "yes"}).content.decode()
    assert f"of {INVITATIONS_PER_PAGE} organisations." in invited and not _boxes(invited)


def test_an_organisation_already_invited_cannot_be_ticked_again(world, client_for, crowded):
    consultation, groups = crowded
    client = client_for(world.users["officer"])
    client.post(_url(consultation), {"organisations": [groups[0].pk]})
    page = client.post(_url(consultation), {"organisations": [groups[0].pk]}).content.decode()
    assert "An organisation you chose has been invited since, or no longer matches: choose again" in page
    assert Invitation.objects.filter(consultation=consultation).count() == 1


def test_every_organisation_matching_a_filter_is_invited_only_after_a_confirmation_stating_how_many(
    world, client_for, crowded
):
    consultation, groups = crowded
    riverside = _groups(3, prefix="Riverside Forum")
    client = client_for(world.users["officer"])
    client.post(_url(consultation), {"organisations": [riverside[0].pk]})
    page = client.get(_url(consultation), {"name": "riverside"}).content.decode()
    link = reverse("consultations:invite-matching", args=[consultation.slug]) + "?name=riverside"
    assert f'href="{link}"' in page

    confirm = client.get(link).content.decode()
    assert "Invite 2 organisations?" in confirm  # the third is invited already
    assert "with “riverside” in the name" in confirm and ">\n          Invite 2 organisations</button>" not in confirm
    assert "Invite 2 organisations</button>" in confirm
    assert Invitation.objects.filter(consultation=consultation).count() == 1  # nothing sent yet

    assert 'type="hidden" name="count" value="2"' in confirm  # the number shown goes back with the click

    # A group verified meanwhile matches too: the officer is shown the new number, nothing is sent.
    late = OrganisationFactory(name="Riverside Forum 004")
    stale = client.post(link, {"count": 2}).content.decode()
    assert "The number has changed since the last page" in stale and "Invite 3 organisations?" in stale
    assert Invitation.objects.filter(consultation=consultation).count() == 1
    late.delete()

    response = client.post(link, {"count": 2})
    assert response.url == _url(consultation) + "?name=riverside"
    invited = set(Invitation.objects.filter(consultation=consultation).values_list("organisation_id", flat=True))
    assert invited == {o.pk for o in riverside}  # and none of the others
    assert "2 organisations invited." in client.get(response.url).content.decode()
    # Nothing left to invite: the officer is told, not asked.
    again = client.get(link, follow=True).content.decode()
    assert "Every organisation matching this filter has been invited already." in again


def test_a_closed_consultation_takes_no_invitations_from_the_matching_action(world, client_for, crowded):
    from consultations.models import Status

    consultation, _ = crowded
    consultation.status = Status.CLOSED
    consultation.save()
    client = client_for(world.users["officer"])
    url = reverse("consultations:invite-matching", args=[consultation.slug])
    assert client.post(url, {"count": _listed(world)}).status_code == 403
    assert not Invitation.objects.exists()


def test_a_filter_that_cannot_be_read_invites_nobody_rather_than_everybody(world, client_for, crowded):
    consultation, _ = crowded
    client = client_for(world.users["officer"])
    url = reverse("consultations:invite-matching", args=[consultation.slug]) + "?community=99999"
    response = client.post(url, {"count": _listed(world)}, follow=True)
    assert "That filter cannot be used" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("organisations", [30, 90])
def test_the_invitations_page_costs_the_same_queries_whatever_the_number_of_organisations(
    world, client_for, django_assert_num_queries, organisations
):
    consultation = make_consultation(world)
    groups = _groups(organisations)
    client = client_for(world.users["officer"])
    client.post(_url(consultation), {"organisations": [g.pk for g in groups[::3]]})
    client.get(_url(consultation))
    # session, user, the consultation, roles (2); the Compact and its BME-led rule, the filter's choices
    # (communities, service areas), the count, the page of organisations, the invitation figures
    with django_assert_num_queries(12):
        assert client.get(_url(consultation)).status_code == 200
    with django_assert_num_queries(12):
        assert client.get(_url(consultation), {"name": "neighbourhood", "page": 2}).status_code == 200
