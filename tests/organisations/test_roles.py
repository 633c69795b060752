"""organisations.roles: what a person is in the portal, worked out from memberships and seats."""

import datetime

import pytest

from organisations.models import MembershipRole, MembershipStatus
from organisations.roles import ANONYMOUS, forget_roles, roles_for
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_nobody_signed_in_has_no_role():
    assert roles_for(None) is ANONYMOUS
    assert not ANONYMOUS.is_authenticated and not ANONYMOUS.is_officer and not ANONYMOUS.steers_any([1])


def test_an_officer_is_an_approved_member_of_a_verified_public_body_only():
    council = f.PublicBodyFactory(verified=True)
    claimed = f.PublicBodyFactory(verified=False, name="Council Complaints Unit")
    person = f.UserFactory()
    f.MembershipFactory(user=person, organisation=council)
    f.MembershipFactory(user=person, organisation=claimed, role=MembershipRole.ADMIN)
    roles = roles_for(person)
    assert roles.officer_of == {council.pk}
    # A claim to be a public body gives its members the profile, not an officer's powers.
    assert roles.claimant_of == {claimed.pk} and roles.looks_after(claimed.pk)
    assert roles.administers(claimed.pk) and not roles.belongs_to(claimed.pk)


def test_a_request_to_join_gives_no_role():
    group = f.OrganisationFactory()
    person = f.UserFactory()
    f.MembershipFactory(user=person, organisation=group, status=MembershipStatus.REQUESTED)
    assert not roles_for(person).member_of and not roles_for(person).is_group_member


def test_a_steering_seat_counts_only_while_current_and_only_in_its_own_compact():
    north, south = f.CompactFactory(name="North Compact"), f.CompactFactory(name="South Compact")
    today = datetime.date.today()
    current = f.SteeringGroupMemberFactory(compact=north).user
    ended = f.SteeringGroupMemberFactory(compact=north, end_date=today - datetime.timedelta(days=1)).user
    roles = roles_for(current)
    assert roles.steers(north.pk) and not roles.steers(south.pk)
    # A record tied to no Compact is nobody's to steer.
    assert not roles.steers(None)
    assert not roles_for(ended).is_steering


def test_roles_are_cached_on_the_user_until_forgotten(django_assert_num_queries):
    person = f.UserFactory()
    roles_for(person)
    with django_assert_num_queries(0):
        roles_for(person)
    f.MembershipFactory(user=person, organisation=f.OrganisationFactory())
    assert not roles_for(person).member_of  # still the cached answer
    forget_roles(person)
    assert roles_for(person).member_of
