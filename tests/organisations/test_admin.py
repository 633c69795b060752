import pytest
from django.urls import reverse

from organisations.models import MembershipStatus
from tests import factories as f

from .factories import MembershipRequestFactory, UnverifiedOrganisationFactory

pytestmark = pytest.mark.django_db


def test_admin_verify_action_goes_through_the_service_and_keeps_history(world, client_for):
    organisation = UnverifiedOrganisationFactory()
    admin = world.users["site_admin"]
    response = client_for(admin).post(
        reverse("admin:organisations_organisation_changelist"),
        {"action": "verify", "_selected_action": [organisation.pk, world.group.pk]},
        follow=True,
    )
    assert "1 organisations verified." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.verified and organisation.verified_by == admin
    assert organisation.history.first().history_user == admin


def test_admin_approve_action_approves_pending_requests(world, client_for):
    request = MembershipRequestFactory(organisation=world.group)
    client_for(world.users["site_admin"]).post(
        reverse("admin:organisations_membership_changelist"),
        {"action": "approve", "_selected_action": [request.pk]},
    )
    request.refresh_from_db()
    assert request.status == MembershipStatus.APPROVED and request.decided_by == world.users["site_admin"]


def test_admin_pages_open(world, client_for):
    client = client_for(world.users["site_admin"])
    declaration = f.BoardDeclarationFactory(organisation=world.other_group)
    for url in [
        reverse("admin:organisations_organisation_change", args=[world.group.pk]),
        reverse("admin:organisations_boarddeclaration_change", args=[declaration.pk]),
        reverse("admin:organisations_membership_changelist"),
        reverse("admin:organisations_compact_change", args=[world.compact.pk]),
        reverse("admin:organisations_localauthorityarea_changelist"),
        reverse("admin:organisations_bmedefinition_changelist"),
    ]:
        assert client.get(url).status_code == 200, url
