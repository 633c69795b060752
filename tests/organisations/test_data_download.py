"""An organisation's admin downloads everything held about it; a confidential complainant of
another organisation is never in it."""

import json

import pytest
from django.urls import reverse

from organisations.models import MembershipRole
from tests import factories as f
from tests.complaints.factories import raise_complaint

pytestmark = pytest.mark.django_db


def download(client, organisation):
    return client.get(reverse("organisations:data-download", args=[organisation.slug]))


def test_the_admin_downloads_profile_declarations_members_and_what_it_did(world, client_for):
    from tests.consultations.factories import comment_from_group, make_consultation

    comment_from_group(world, make_consultation(world), text="Please hold an evening meeting")
    raise_complaint(world, confidential=False)
    response = download(client_for(world.users["group_member"]), world.group)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="african-caribbean-forum-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    organisations = data["organisations"]
    assert organisations["profile"][0]["name"] == "African Caribbean Forum"
    assert organisations["profile"][0]["charity_number"] == "1123456"
    assert organisations["board_declarations"][0]["members"] == 8
    assert organisations["memberships"][0]["user__email"] == "member@forum.example"
    assert data["consultations"]["consultation_comments"][0]["text"] == "Please hold an evening meeting"
    assert data["complaints"]["complaints_raised"][0]["respondent_name"] == "Northshire Council"
    assert {"funding_applications", "awards_received"} <= set(data["funding"])


def test_a_confidential_complainant_against_the_organisation_is_not_in_its_download(world, client_for):
    complaint = raise_complaint(world, confidential=True)  # the forum complains about the council
    response = download(client_for(world.users["officer"]), world.council)
    assert response.status_code == 200
    text = response.content.decode()
    against = json.loads(text)["complaints"]["complaints_against"]
    assert [row["reference"] for row in against] == [complaint.reference]
    assert against[0]["complainant"] == "Not shown: confidential complaint"
    member = world.users["group_member"]
    for secret in ("African Caribbean Forum", member.email, member.full_name, f'"complainant_user_id": {member.pk}'):
        assert secret not in text


def test_an_open_complaint_names_the_complaining_organisation(world, client_for):
    raise_complaint(world, confidential=False)
    data = json.loads(download(client_for(world.users["officer"]), world.council).content)
    assert data["complaints"]["complaints_against"][0]["complainant"] == "African Caribbean Forum"
    assert world.users["group_member"].email not in json.dumps(data)


def test_only_the_organisations_admins_may_download(world, client_for):
    ordinary = f.UserFactory(email="plain@forum.example")
    f.MembershipFactory(user=ordinary, organisation=world.group, role=MembershipRole.MEMBER)
    assert download(client_for(ordinary), world.group).status_code == 403
    assert download(client_for(world.users["officer"]), world.group).status_code == 403
    assert download(client_for(world.users["site_admin"]), world.group).status_code == 403
    assert download(client_for(None), world.group).status_code == 302


def test_the_profile_page_offers_the_download_to_admins_only(world, client_for):
    url = reverse("organisations:profile", args=[world.group.slug])
    link = reverse("organisations:data-download", args=[world.group.slug])
    assert link in client_for(world.users["group_member"]).get(url).content.decode()
    assert link not in client_for(world.users["steering_member"]).get(url).content.decode()
