"""What a person is in the portal, worked out from memberships and steering group seats.

Roles are facts about relationships, not flags on the user: an officer is an approved member of a
verified public body (public-body standing is granted by a site admin or a Compact's steering group,
never by the person who registers the organisation); a group member an approved member of a voluntary or community organisation; a steering
group member holds a current seat on a Compact's steering group; a site admin is a Django superuser.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from .models import MembershipRole, MembershipStatus, Sector


@dataclass(frozen=True)
class PortalRoles:
    is_authenticated: bool = False
    is_site_admin: bool = False
    officer_of: frozenset[int] = field(default_factory=frozenset)  # public body ids
    member_of: frozenset[int] = field(default_factory=frozenset)  # voluntary/private organisation ids
    admin_of: frozenset[int] = field(default_factory=frozenset)  # organisations the person administers
    steering_compacts: frozenset[int] = field(default_factory=frozenset)
    # Members of an organisation that says it is a public body but has no standing yet: they look
    # after its profile and nothing more (no officer powers until standing is granted).
    claimant_of: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_officer(self) -> bool:
        return bool(self.officer_of)

    @property
    def is_group_member(self) -> bool:
        return bool(self.member_of)

    @property
    def is_steering(self) -> bool:
        return bool(self.steering_compacts)

    @property
    def organisation_ids(self) -> frozenset[int]:
        # Claimants are left out on purpose: apps ask belongs_to() before letting someone act for an
        # organisation (start a return, apply, comment), which a claim without standing may not.
        return self.officer_of | self.member_of

    def belongs_to(self, organisation_id: int) -> bool:
        return organisation_id in self.organisation_ids

    def looks_after(self, organisation_id: int) -> bool:
        """May see and edit the organisation's profile: its members, and a claimed public body's."""
        return self.belongs_to(organisation_id) or organisation_id in self.claimant_of

    def administers(self, organisation_id: int) -> bool:
        return organisation_id in self.admin_of

    def steers(self, compact_id: int | None) -> bool:
        """A seat on this Compact's steering group. A record tied to no Compact is nobody's to steer:
        a seat in one Compact gives no power over another's people or records."""
        return compact_id is not None and compact_id in self.steering_compacts

    def steers_any(self, compact_ids) -> bool:
        return not self.steering_compacts.isdisjoint(compact_ids)


ANONYMOUS = PortalRoles()


def roles_for(user) -> PortalRoles:
    """Roles of `user`, computed once per user object (two queries) and cached on it."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_portal_roles", None)
    if cached is not None:
        return cached
    officer_of, member_of, admin_of, claimant_of = set(), set(), set(), set()
    memberships = user.memberships.filter(status=MembershipStatus.APPROVED).values_list(
        "organisation_id", "organisation__sector", "organisation__verified", "role"
    )
    for organisation_id, sector, verified, role in memberships:
        if sector != Sector.PUBLIC:
            member_of.add(organisation_id)
        elif verified:
            officer_of.add(organisation_id)
        else:
            claimant_of.add(organisation_id)
        if role == MembershipRole.ADMIN:
            admin_of.add(organisation_id)
    today = timezone.localdate()
    steering = user.steering_seats.filter(start_date__lte=today).exclude(end_date__lt=today)
    roles = PortalRoles(
        is_authenticated=True,
        is_site_admin=user.is_superuser,
        officer_of=frozenset(officer_of),
        member_of=frozenset(member_of),
        admin_of=frozenset(admin_of),
        steering_compacts=frozenset(steering.values_list("compact_id", flat=True)),
        claimant_of=frozenset(claimant_of),
    )
    user._portal_roles = roles
    return roles


def forget_roles(user) -> None:
    """Drop the cached roles after a membership or seat changes within the same request."""
    if hasattr(user, "_portal_roles"):
        del user._portal_roles
