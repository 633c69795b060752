"""What a person is in the portal, worked out from memberships and steering group seats.

Roles are facts about relationships, not flags on the user: an officer is an approved member of a
public body; a group member an approved member of a voluntary or community organisation; a steering
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
        return self.officer_of | self.member_of

    def belongs_to(self, organisation_id: int) -> bool:
        return organisation_id in self.organisation_ids

    def administers(self, organisation_id: int) -> bool:
        return organisation_id in self.admin_of

    def steers(self, compact_id: int | None = None) -> bool:
        return self.is_steering if compact_id is None else compact_id in self.steering_compacts


ANONYMOUS = PortalRoles()


def roles_for(user) -> PortalRoles:
    """Roles of `user`, computed once per user object (two queries) and cached on it."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_portal_roles", None)
    if cached is not None:
        return cached
    officer_of, member_of, admin_of = set(), set(), set()
    memberships = user.memberships.filter(status=MembershipStatus.APPROVED).values_list(
        "organisation_id", "organisation__sector", "role"
    )
    for organisation_id, sector, role in memberships:
        (officer_of if sector == Sector.PUBLIC else member_of).add(organisation_id)
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
    )
    user._portal_roles = roles
    return roles


def forget_roles(user) -> None:
    """Drop the cached roles after a membership or seat changes within the same request."""
    if hasattr(user, "_portal_roles"):
        del user._portal_roles
