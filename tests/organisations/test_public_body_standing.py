"""Public-body standing (security issue, item 2): saying you are a public body gives nothing; a site
admin or the Compact's steering group grants standing, with a record of who and when; what a body
without standing recorded stays off the public pages and the open data; members cannot change
their organisation's sector."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from consultations.models import Consultation, Status
from funding.models import FundingProgramme
from organisations import services, standing
from organisations.models import Organisation, Sector
from organisations.roles import roles_for
from tests import factories as f
from tests.funding.factories import AwardFactory, FundingProgrammeFactory

pytestmark = pytest.mark.django_db

FAKE_UNIT = "West Northamptonshire Council Complaints Unit"


def register_fake_public_body(client_for):
    impostor = f.UserFactory(email="impostor@example.org")
    client = client_for(impostor)
    response = client.post(
        reverse("organisations:register"),
        {"name": FAKE_UNIT, "sector": Sector.PUBLIC, "public_body_type": "local_authority"},
    )
    assert response.status_code == 302
    return impostor, client, Organisation.objects.get(name=FAKE_UNIT)


def test_registering_a_public_body_gives_no_officer_powers(world, client_for):
    impostor, client, unit = register_fake_public_body(client_for)
    impostor = type(impostor).objects.get(pk=impostor.pk)
    assert not roles_for(impostor).is_officer
    assert client.get(reverse("consultations:create")).status_code == 403
    assert client.get(reverse("funding:programme-create")).status_code == 403
    # They still look after the organisation's profile, which says what is missing.
    page = client.get(reverse("organisations:profile", args=[unit.slug])).content.decode()
    assert "cannot act as officers until" in page


def test_nothing_a_body_without_standing_recorded_is_public(world, client):
    unit = f.PublicBodyFactory(name=FAKE_UNIT, verified=False)
    Consultation.objects.create(
        owner=unit,
        title="Fake unit consultation",
        slug="fake-unit-consultation",
        summary="x",
        stage="policy_development",
        opens=datetime.date(2026, 1, 5),
        closes=datetime.date(2026, 4, 5),
        status=Status.OPEN,
    )
    programme = FundingProgrammeFactory(funder=unit, title="Fake unit grants")
    award = AwardFactory(funder=unit, title="Fake unit award", amount=Decimal("9999.00"))

    for url in (
        reverse("consultations:list"),
        reverse("consultations:list-csv"),
        reverse("funding:programme-list"),
        reverse("funding:award-list"),
        reverse("funding:award-csv"),
        reverse("funding:grants-api"),
        reverse("funding:monitoring-api"),
    ):
        body = b"".join(client.get(url)) if url.endswith(".csv") else client.get(url).content
        assert FAKE_UNIT.encode() not in body and b"Fake unit" not in body, url
    grants = json.loads(client.get(reverse("funding:grants-api")).content)
    assert award.identifier not in [g["id"] for g in grants["grants"]]
    assert client.get(reverse("consultations:detail", args=["fake-unit-consultation"])).status_code == 404
    assert client.get(reverse("funding:programme-detail", args=[programme.pk])).status_code == 404
    assert client.get(reverse("funding:award-detail", args=[award.pk])).status_code == 404


def test_a_member_cannot_make_their_group_a_public_body(world, client_for):
    client = client_for(world.users["group_member"])
    page = client.get(reverse("organisations:edit", args=[world.group.slug])).content.decode()
    assert 'name="sector"' not in page
    client.post(reverse("organisations:edit", args=[world.group.slug]), {"name": world.group.name, "sector": "public"})
    world.group.refresh_from_db()
    assert world.group.sector == Sector.VOLUNTARY
    with pytest.raises(ValidationError) as error:
        services.organisation_update(organisation=world.group, user=world.users["group_member"], sector=Sector.PUBLIC)
    assert services.SECTOR_CANNOT_CHANGE in error.value.messages


def test_the_steering_group_grants_standing_and_the_history_says_who(world, client_for):
    impostor, _, unit = register_fake_public_body(client_for)
    steering = world.users["steering_member"]
    response = client_for(steering).post(
        reverse("organisations:standing-grant", args=[unit.slug]), {"compact": world.compact.pk}
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.verified and unit.verified_by == steering and unit.standing_compact == world.compact
    latest = unit.history.latest()
    assert latest.history_user == steering
    assert latest.history_change_reason == f"Public-body standing granted by the steering group of {world.compact.name}"
    impostor = type(impostor).objects.get(pk=impostor.pk)
    assert unit.pk in roles_for(impostor).officer_of


def test_anyone_else_cannot_grant_standing(world, client_for):
    _, _, unit = register_fake_public_body(client_for)
    for persona in ("officer", "group_member", "outsider"):
        response = client_for(world.users[persona]).post(reverse("organisations:standing-grant", args=[unit.slug]))
        assert response.status_code in (403, 404), persona
    with pytest.raises(PermissionDenied):
        standing.public_body_standing_grant(organisation=unit, granted_by=world.users["officer"], compact=world.compact)
    unit.refresh_from_db()
    assert not unit.verified


def test_another_compacts_steering_group_cannot_grant_standing_to_this_compacts_claim(world):
    claim = f.PublicBodyFactory(name="Northshire Parish Office", verified=False)
    f.SignatoryFactory(compact=world.compact, organisation=claim)
    other_steering = world.users["other_steering_member"]
    with pytest.raises(PermissionDenied):
        standing.public_body_standing_grant(organisation=claim, granted_by=other_steering, compact=world.other_compact)


def test_withdrawing_standing_ends_officer_powers_and_hides_what_it_published(world, client_for, client):
    programme = FundingProgrammeFactory(funder=world.council, title="Council grants")
    officer = world.users["officer"]
    assert world.council.pk in roles_for(officer).officer_of
    response = client_for(world.users["steering_member"]).post(
        reverse("organisations:standing-withdraw", args=[world.council.slug]), {"reason": "Not the council after all"}
    )
    assert response.status_code == 302
    world.council.refresh_from_db()
    assert not world.council.verified
    assert world.council.history.latest().history_change_reason == (
        "Public-body standing withdrawn: Not the council after all"
    )
    officer = type(officer).objects.get(pk=officer.pk)
    assert not roles_for(officer).is_officer
    assert client.get(reverse("funding:programme-detail", args=[programme.pk])).status_code == 404
    assert not FundingProgramme.objects.filter(pk=programme.pk, funder__verified=True).exists()


def test_the_steering_page_lists_claims_and_bodies_of_its_own_compact_only(world, client_for):
    f.PublicBodyFactory(name="Brand New Claim", verified=False)
    page = client_for(world.users["steering_member"]).get(reverse("organisations:public-bodies")).content.decode()
    assert "Brand New Claim" in page and "Northshire Council" in page
    assert "Southshire Council" not in page


def test_a_claimed_public_body_cannot_start_a_compliance_return_or_be_complained_about(world, client_for):
    from undertakings.permissions import can_start_return

    impostor, client, unit = register_fake_public_body(client_for)
    f.SignatoryFactory(compact=world.compact, organisation=unit)
    impostor = type(impostor).objects.get(pk=impostor.pk)
    assert not can_start_return(impostor, unit)
    assert client.get(reverse("organisations:edit", args=[unit.slug])).status_code == 200
    from complaints.views.raising import _bodies

    assert unit not in _bodies() and world.council in _bodies()
