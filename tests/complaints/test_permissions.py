"""Who may see and act on a complaint."""

import pytest
from django.urls import reverse

from complaints import services
from complaints.models import ComplainantKind
from complaints.tokens import follow_up_token
from tests import factories as f

from .factories import answered_at_stage_1, raise_complaint

pytestmark = pytest.mark.django_db


def test_an_officer_of_another_body_sees_nothing_of_a_complaint(world, client_for):
    complaint = raise_complaint(world, confidential=False)
    other = client_for(world.users["other_officer"])
    for name in ("detail", "acknowledge", "message", "note", "file-add"):
        assert other.get(reverse(f"complaints:{name}", args=[complaint.reference])).status_code == 404
    for url in (reverse("complaints:queue") + "?status=all", reverse("complaints:queue-csv") + "?status=all"):
        body = other.get(url).getvalue().decode()
        assert complaint.reference not in body


def test_a_complaint_against_the_body_is_in_its_officers_queue(world, client_for):
    complaint = raise_complaint(world)
    body = client_for(world.users["officer"]).get(reverse("complaints:queue")).content.decode()
    assert complaint.reference in body


def test_an_anonymous_complainants_link_opens_that_complaint_and_no_other(world, client):
    mine = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None)
    theirs = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None)
    token = follow_up_token(mine)

    assert client.get(reverse("complaints:follow", args=[theirs.reference, token])).status_code == 404
    assert client.get(reverse("complaints:detail", args=[theirs.reference])).status_code == 302  # to sign in

    response = client.get(reverse("complaints:follow", args=[mine.reference, token]))
    assert response.status_code == 200
    assert mine.reference in response.content.decode()
    # The browser can now come back to the complaint and act on it, but still not on another one.
    assert client.get(reverse("complaints:detail", args=[mine.reference])).status_code == 200
    assert client.get(reverse("complaints:message", args=[mine.reference])).status_code == 200
    assert client.get(reverse("complaints:detail", args=[theirs.reference])).status_code == 302
    assert client.get(reverse("complaints:message", args=[theirs.reference])).status_code == 302


def test_a_tampered_or_revoked_follow_up_link_opens_nothing(world, client):
    complaint = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None)
    token = follow_up_token(complaint)
    assert client.get(reverse("complaints:follow", args=[complaint.reference, token[:-2] + "xx"])).status_code == 404
    complaint.follow_up_nonce = "rotated"
    complaint.save()
    assert client.get(reverse("complaints:follow", args=[complaint.reference, token])).status_code == 404


def test_the_link_holder_can_take_the_complaint_further(world, client):
    complaint = raise_complaint(world, kind=ComplainantKind.ANONYMOUS, user=None)
    answered_at_stage_1(complaint, world)
    client.get(reverse("complaints:follow", args=[complaint.reference, follow_up_token(complaint)]))
    response = client.post(reverse("complaints:escalate", args=[complaint.reference]), {"reason": "Not answered."})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "stage_2"


def test_the_officer_who_answered_stage_1_is_not_offered_stage_2(world, client_for):
    complaint = raise_complaint(world)
    answered_at_stage_1(complaint, world)
    services.complaint_escalate(complaint=complaint, reason="No.")
    assert (
        client_for(world.users["officer"])
        .get(reverse("complaints:acknowledge", args=[complaint.reference]))
        .status_code
        == 403
    )
    colleague = f.UserFactory()
    f.MembershipFactory(user=colleague, organisation=world.council)
    assert client_for(colleague).get(reverse("complaints:acknowledge", args=[complaint.reference])).status_code == 200


def test_any_member_of_the_group_follows_a_complaint_raised_for_it_but_other_groups_do_not(world, client_for):
    complaint = raise_complaint(world)
    fellow = f.UserFactory()
    f.MembershipFactory(user=fellow, organisation=world.group)
    stranger = f.UserFactory()
    f.MembershipFactory(user=stranger, organisation=world.other_group)
    assert client_for(fellow).get(reverse("complaints:detail", args=[complaint.reference])).status_code == 200
    assert client_for(stranger).get(reverse("complaints:detail", args=[complaint.reference])).status_code == 404


def test_a_steering_member_of_another_compact_sees_nothing(world, client_for):
    complaint = raise_complaint(world)
    elsewhere = f.SteeringGroupMemberFactory(compact=f.CompactFactory(name="Elsewhere Compact")).user
    assert client_for(elsewhere).get(reverse("complaints:detail", args=[complaint.reference])).status_code == 404
    assert complaint.reference not in client_for(elsewhere).get(reverse("complaints:compact-list")).content.decode()


def test_an_unconfirmed_complaint_is_invisible_to_the_body(world, client_for):
    complaint = raise_complaint(world, kind=ComplainantKind.EMAIL, user=None, email="a@example.net")
    officer = client_for(world.users["officer"])
    assert officer.get(reverse("complaints:detail", args=[complaint.reference])).status_code == 404
    assert complaint.reference not in officer.get(reverse("complaints:queue")).content.decode()
