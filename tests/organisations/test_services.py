from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from organisations import services
from organisations.bme_led import NO_MEMBERS
from organisations.models import EthnicGroup, MembershipRole, MembershipStatus, Organisation, Sector
from organisations.roles import roles_for
from tests import factories as f

from .factories import MembershipRequestFactory, UnverifiedOrganisationFactory

pytestmark = pytest.mark.django_db


def register(user, **fields):
    return services.organisation_register(
        user=user, **{"name": "Roma Support Group", "sector": Sector.VOLUNTARY, **fields}
    )


# --- Registering and editing ----------------------------------------------------------------------


def test_the_person_registering_an_organisation_becomes_its_approved_admin_and_it_waits_for_verification():
    user = f.UserFactory()
    roles_for(user)  # cached before registering: the service must forget it
    organisation = register(user)
    membership = organisation.memberships.get()
    assert (membership.user, membership.role, membership.status) == (
        user,
        MembershipRole.ADMIN,
        MembershipStatus.APPROVED,
    )
    assert not organisation.verified
    assert roles_for(user).administers(organisation.pk)


def test_registration_derives_the_identifier_keeping_leading_zeros():
    organisation = register(f.UserFactory(), company_number="123 456")
    assert (organisation.company_number, organisation.org_id) == ("00123456", "GB-COH-00123456")
    charity = register(f.UserFactory(), name="Forum", charity_number=" 1123456 ", company_number="07123456")
    assert charity.org_id == "GB-CHC-1123456"


def test_an_unregistered_group_gets_a_portal_identifier_from_its_name(settings):
    settings.PORTAL_ORG_ID_PREFIX = "XI-TEST"
    organisation = register(f.UserFactory(), name="Corby  Roma   Support")
    assert (organisation.name, organisation.slug, organisation.org_id) == (
        "Corby Roma Support",
        "corby-roma-support",
        "XI-TEST-corby-roma-support",
    )
    again = register(f.UserFactory(), name="Corby Roma Support")
    assert again.slug == "corby-roma-support-2"


def test_a_name_that_would_clash_with_a_page_address_gets_another_slug():
    assert register(f.UserFactory(), name="Register").slug == "register-2"


def test_a_duplicate_charity_number_is_refused_naming_the_existing_organisation():
    f.OrganisationFactory(name="African Caribbean Forum", charity_number="1123456")
    with pytest.raises(ValidationError) as exc:
        register(f.UserFactory(), charity_number="1123456")
    assert exc.value.message_dict == {
        "charity_number": [services.DUPLICATE_CHARITY.format(number="1123456", name="African Caribbean Forum")]
    }
    assert "African Caribbean Forum" in services.DUPLICATE_CHARITY.format(number="1", name="African Caribbean Forum")


def test_a_duplicate_company_number_is_refused_even_without_the_leading_zero():
    f.OrganisationFactory(name="Youth Project", company_number="01234567")
    with pytest.raises(ValidationError) as exc:
        register(f.UserFactory(), company_number="1234567")
    assert exc.value.message_dict["company_number"] == [
        services.DUPLICATE_COMPANY.format(number="01234567", name="Youth Project")
    ]
    assert Organisation.objects.count() == 1


def test_a_second_council_with_the_same_local_authority_code_is_refused():
    f.PublicBodyFactory(name="Northshire Council", local_authority_code="NTH")
    with pytest.raises(ValidationError) as exc:
        register(
            f.UserFactory(),
            name="Northshire",
            sector=Sector.PUBLIC,
            public_body_type="local_authority",
            local_authority_code="nth",
        )
    assert "Northshire Council" in exc.value.message_dict["local_authority_code"][0]


def test_site_admins_are_told_about_a_new_organisation(django_capture_on_commit_callbacks):
    f.UserFactory(email="admin@portal.example", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        register(f.UserFactory())
    assert [m.to for m in mail.outbox] == [["admin@portal.example"]]
    assert "New organisation to verify: Roma Support Group" == mail.outbox[0].subject


def test_updating_the_numbers_updates_the_identifier_but_not_the_address(reference_data):
    organisation = f.OrganisationFactory(name="Forum", charity_number="")
    roma = EthnicGroup.objects.get(name="Roma")
    services.organisation_update(
        organisation=organisation, user=f.UserFactory(), charity_number="SC012345", communities_served=[roma]
    )
    organisation.refresh_from_db()
    assert (organisation.org_id, organisation.slug) == ("GB-SC-SC012345", "forum")
    assert list(organisation.communities_served.all()) == [roma]


def test_an_organisation_keeps_its_own_numbers_when_updated():
    organisation = f.OrganisationFactory(charity_number="1123456")
    services.organisation_update(organisation=organisation, user=f.UserFactory(), description="New words")
    organisation.refresh_from_db()
    assert organisation.description == "New words"


def test_updating_to_another_organisations_charity_number_is_refused():
    f.OrganisationFactory(name="First", charity_number="1123456")
    second = f.OrganisationFactory(name="Second")
    with pytest.raises(ValidationError):
        services.organisation_update(organisation=second, user=f.UserFactory(), charity_number="1123456")
    second.refresh_from_db()
    assert second.charity_number == ""


def test_updates_are_kept_in_the_history_with_who_made_them():
    organisation = f.OrganisationFactory()
    editor = f.UserFactory()
    services.organisation_update(organisation=organisation, user=editor, description="Changed")
    assert organisation.history.first().history_user == editor


# --- Verifying ------------------------------------------------------------------------------------


def test_verifying_lists_the_organisation_and_records_who_did_it(django_capture_on_commit_callbacks):
    organisation = UnverifiedOrganisationFactory()
    f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="chair@group.example"))
    admin = f.UserFactory(is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_verify(organisation=organisation, verified_by=admin)
    organisation.refresh_from_db()
    assert organisation.verified and organisation.verified_by == admin and organisation.verified_at
    assert mail.outbox[0].to == ["chair@group.example"]


def test_verifying_twice_is_refused():
    organisation = f.OrganisationFactory(name="Forum")
    with pytest.raises(ValidationError) as exc:
        services.organisation_verify(organisation=organisation, verified_by=f.UserFactory(is_superuser=True))
    assert exc.value.messages == [services.ALREADY_VERIFIED.format(name="Forum")]


# --- Memberships ----------------------------------------------------------------------------------


def test_claiming_an_organisation_sends_a_request_to_its_admins(django_capture_on_commit_callbacks):
    organisation = f.OrganisationFactory()
    f.MembershipFactory(
        organisation=organisation, role=MembershipRole.ADMIN, user=f.UserFactory(email="admin@group.example")
    )
    f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="member@group.example"))
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_request(
            user=f.UserFactory(full_name="Kofi"), organisation=organisation, job_title="Treasurer"
        )
    assert membership.status == MembershipStatus.REQUESTED
    assert [m.to for m in mail.outbox] == [["admin@group.example"]]
    assert "Kofi has asked to join" in mail.outbox[0].subject
    assert "Treasurer" in mail.outbox[0].body


def test_a_request_to_an_organisation_without_admins_goes_to_site_admins(django_capture_on_commit_callbacks):
    f.UserFactory(email="admin@portal.example", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request(user=f.UserFactory(), organisation=f.OrganisationFactory())
    assert mail.outbox[0].to == ["admin@portal.example"]


def test_members_and_people_already_waiting_cannot_ask_again():
    membership = f.MembershipFactory()
    with pytest.raises(ValidationError) as exc:
        services.membership_request(user=membership.user, organisation=membership.organisation)
    assert exc.value.messages == [services.ALREADY_MEMBER.format(name=membership.organisation.name)]
    pending = MembershipRequestFactory()
    with pytest.raises(ValidationError) as exc:
        services.membership_request(user=pending.user, organisation=pending.organisation)
    assert exc.value.messages == [services.ALREADY_REQUESTED.format(name=pending.organisation.name)]


def test_a_declined_person_may_ask_again():
    declined = f.MembershipFactory(status=MembershipStatus.DECLINED, decided_at=timezone.now())
    membership = services.membership_request(user=declined.user, organisation=declined.organisation)
    assert (membership.pk, membership.status, membership.decided_at) == (declined.pk, MembershipStatus.REQUESTED, None)


def test_the_organisations_admin_approves_a_request_and_the_person_is_told(django_capture_on_commit_callbacks):
    request = MembershipRequestFactory(user=f.UserFactory(email="new@group.example"))
    admin = f.MembershipFactory(organisation=request.organisation, role=MembershipRole.ADMIN).user
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_decide(
            membership=request, decided_by=admin, approve=True, role=MembershipRole.ADMIN
        )
    assert (membership.status, membership.role, membership.decided_by) == (
        MembershipStatus.APPROVED,
        MembershipRole.ADMIN,
        admin,
    )
    assert mail.outbox[0].to == ["new@group.example"]
    assert mail.outbox[0].subject.endswith("has been approved")


def test_a_site_admin_may_decline_any_request():
    request = MembershipRequestFactory()
    membership = services.membership_decide(
        membership=request, decided_by=f.UserFactory(is_superuser=True), approve=False
    )
    assert membership.status == MembershipStatus.DECLINED


@pytest.mark.parametrize("who", ["plain member", "admin elsewhere", "the requester"])
def test_nobody_else_may_decide_a_request(who):
    request = MembershipRequestFactory()
    decider = {
        "plain member": lambda: f.MembershipFactory(organisation=request.organisation).user,
        "admin elsewhere": lambda: f.MembershipFactory(role=MembershipRole.ADMIN).user,
        "the requester": lambda: request.user,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.membership_decide(membership=request, decided_by=decider, approve=True)
    request.refresh_from_db()
    assert request.status == MembershipStatus.REQUESTED


def test_a_decided_request_cannot_be_decided_again():
    request = MembershipRequestFactory()
    admin = f.UserFactory(is_superuser=True)
    services.membership_decide(membership=request, decided_by=admin, approve=False)
    with pytest.raises(ValidationError) as exc:
        services.membership_decide(membership=request, decided_by=admin, approve=True)
    assert exc.value.messages == [services.ALREADY_DECIDED.format(status="declined")]


# --- Board declarations ---------------------------------------------------------------------------


def declare(organisation, **changes):
    fields = {
        "organisation": organisation,
        "declared_by": f.UserFactory(),
        "board_type": "board_of_trustees",
        "effective_date": timezone.localdate(),
        "members": 8,
        "bme_members": 6,
        "undisclosed_members": 0,
        **changes,
    }
    return services.board_declaration_create(**fields)


def test_a_board_declaration_records_counts_and_who_declared_it():
    organisation = f.OrganisationFactory()
    declaration = declare(organisation)
    assert (declaration.members, declaration.bme_members, declaration.undisclosed_members) == (8, 6, 0)
    assert declaration.declared_by is not None and declaration.history.count() == 1


def test_a_board_declaration_dated_in_the_future_is_refused():
    with pytest.raises(ValidationError) as exc:
        declare(f.OrganisationFactory(), effective_date=timezone.localdate() + timedelta(days=1))
    assert exc.value.message_dict == {"effective_date": [services.FUTURE_EFFECTIVE_DATE]}


def test_invalid_counts_are_refused_and_nothing_is_stored():
    organisation = f.OrganisationFactory()
    with pytest.raises(ValidationError) as exc:
        declare(organisation, members=0, bme_members=0)
    assert exc.value.message_dict == {"members": [NO_MEMBERS]}
    assert not organisation.board_declarations.exists()


def test_public_bodies_cannot_declare_a_board():
    with pytest.raises(ValidationError) as exc:
        declare(f.PublicBodyFactory())
    assert exc.value.messages == [services.PUBLIC_BODY_HAS_NO_BOARD_TEST]
