import pytest

from organisations.models import MembershipRole
from organisations.permissions import (
    can_decide_membership,
    can_declare_board,
    can_edit_organisation,
    can_request_membership,
    can_see_board_counts,
    can_verify_organisation,
    can_view_organisation,
)
from tests import factories as f
from tests.support import PERSONAS

from .factories import MembershipRequestFactory, UnverifiedOrganisationFactory

pytestmark = pytest.mark.django_db


def who(world, check, obj):
    return {persona for persona in PERSONAS if check(world.users[persona], obj)}


def test_only_the_groups_members_and_site_admins_may_edit_it_or_declare_its_board(world):
    assert who(world, can_edit_organisation, world.group) == {"group_member", "site_admin"}
    assert who(world, can_declare_board, world.group) == {"group_member", "site_admin"}


def test_officers_edit_their_own_public_body_but_nobody_declares_its_board(world):
    assert who(world, can_edit_organisation, world.council) == {"officer", "site_admin"}
    assert who(world, can_declare_board, world.council) == set()


def test_board_counts_are_for_members_the_steering_group_and_site_admins(world):
    assert who(world, can_see_board_counts, world.group) == {"group_member", "steering_member", "site_admin"}


def test_a_plain_member_may_edit_but_not_decide_requests(world):
    member = f.MembershipFactory(organisation=world.group, role=MembershipRole.MEMBER).user
    request = MembershipRequestFactory(organisation=world.group)
    assert can_edit_organisation(member, world.group)
    assert not can_decide_membership(member, request)


def test_requests_are_decided_by_the_organisations_admin_or_a_site_admin(world):
    request = MembershipRequestFactory(organisation=world.group)
    assert who(world, can_decide_membership, request) == {"group_member", "site_admin"}


def test_nobody_decides_their_own_request(world):
    request = MembershipRequestFactory(user=world.users["site_admin"], organisation=world.other_group)
    assert not can_decide_membership(world.users["site_admin"], request)


def test_unverified_organisations_are_seen_by_their_members_and_site_admins_only(world):
    organisation = UnverifiedOrganisationFactory()
    member = f.MembershipFactory(organisation=organisation).user
    assert who(world, can_view_organisation, organisation) == {"site_admin"}
    assert can_view_organisation(member, organisation)
    assert who(world, can_verify_organisation, organisation) == {"site_admin"}
    assert who(world, can_verify_organisation, world.group) == set()


def test_anyone_signed_in_who_is_not_already_in_may_ask_to_join(world):
    assert who(world, can_request_membership, world.group) == set(PERSONAS) - {"anonymous", "group_member"}
    MembershipRequestFactory(user=world.users["outsider"], organisation=world.group)
    assert not can_request_membership(world.users["outsider"], world.group)
