"""Only a Compact's steering group may learn who raised a confidential complaint, from its change
history too: site admins read the history of every Compact, but not who made each change (the
complainant raises, escalates and withdraws) nor who closed it."""

import re

import pytest
from django.urls import reverse

from complaints import services
from complaints.models import Complaint, Stage
from tests import factories as f
from tests.complaints.factories import raise_complaint

pytestmark = pytest.mark.django_db

HIDDEN = "Not shown: confidential complaint"


def raised_and_withdrawn_by_the_complainant(world, *, confidential=True):
    member = world.users["group_member"]
    complaint = raise_complaint(world, confidential=confidential)
    services.complaint_withdraw(complaint=complaint, user=member, reason="Sorted out informally")
    # Through the web, django-simple-history's middleware records the signed-in person as the changer.
    Complaint.history.filter(id=complaint.pk).update(history_user=member)
    Stage.history.filter(complaint_id=complaint.pk).update(history_user=member)
    return complaint


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def identifies_the_complainant(text: str, world) -> bool:
    member = world.users["group_member"]
    closed_by = re.search(r"closed by(</strong>|:)", text, re.IGNORECASE)  # not "closed by party"
    return closed_by is not None or member.full_name in text or member.email in text


@pytest.mark.parametrize("key", ["complaints.complaint", "complaints.stage"])
def test_site_admins_change_history_does_not_say_who_raised_a_confidential_complaint(world, client_for, key):
    raised_and_withdrawn_by_the_complainant(world)
    text = page(client_for(world.users["site_admin"]), reverse("audit:history", args=[key]))
    assert HIDDEN in text
    assert not identifies_the_complainant(text, world)


@pytest.mark.parametrize("key", ["complaints.complaint", "complaints.stage"])
def test_the_compacts_steering_group_sees_who_changed_a_confidential_complaint(world, client_for, key):
    raised_and_withdrawn_by_the_complainant(world)
    text = page(client_for(world.users["steering_member"]), reverse("audit:history", args=[key]))
    assert HIDDEN not in text
    assert world.users["group_member"].full_name in text


def test_a_site_admin_on_the_compacts_steering_group_sees_who(world, client_for):
    raised_and_withdrawn_by_the_complainant(world)
    admin = world.users["site_admin"]
    f.SteeringGroupMemberFactory(compact=world.compact, user=admin)
    text = page(client_for(admin), reverse("audit:history", args=["complaints.complaint"]))
    assert world.users["group_member"].full_name in text and "Closed by</strong>" in text


def test_who_changed_an_open_complaint_stays_visible_to_site_admins(world, client_for):
    raised_and_withdrawn_by_the_complainant(world, confidential=False)
    text = page(client_for(world.users["site_admin"]), reverse("audit:history", args=["complaints.complaint"]))
    assert HIDDEN not in text and world.users["group_member"].full_name in text


def test_admin_history_of_a_confidential_complaint_does_not_name_the_complainant(world, client_for):
    complaint = raised_and_withdrawn_by_the_complainant(world)
    client = client_for(world.users["site_admin"])
    text = page(client, reverse("admin:complaints_complaint_history", args=[complaint.pk]))
    assert HIDDEN in text
    assert not identifies_the_complainant(text, world)
    version = Complaint.history.filter(id=complaint.pk).first()
    url = reverse("admin:complaints_complaint_simple_history", args=[complaint.pk, version.history_id])
    assert client.get(url).status_code == 403
    # The change form and the list leave the complainant out too.
    for url in (
        reverse("admin:complaints_complaint_change", args=[complaint.pk]),
        reverse("admin:complaints_complaint_changelist"),
    ):
        assert not identifies_the_complainant(page(client, url), world)


def test_admin_history_of_a_confidential_complaint_is_whole_for_its_steering_group(world, client_for):
    complaint = raised_and_withdrawn_by_the_complainant(world)
    admin = world.users["site_admin"]
    f.SteeringGroupMemberFactory(compact=world.compact, user=admin)
    client = client_for(admin)
    text = page(client, reverse("admin:complaints_complaint_history", args=[complaint.pk]))
    assert HIDDEN not in text and world.users["group_member"].full_name in text
