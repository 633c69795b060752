"""Who may do what with organisations (shared/design.md §4). Views and templates ask these
functions; nothing else decides access. Every check is per object."""

from django.db.models import QuerySet
from django.http import Http404

from .compacts import compact_ids_of
from .models import Compact, Membership, MembershipStatus, Organisation, Sector
from .roles import roles_for


def can_view_organisation(user, organisation: Organisation) -> bool:
    # An unverified organisation is not public yet: only its own people and site admins see it, and
    # a steering group that may grant a claimed public body standing.
    if organisation.verified:
        return True
    roles = roles_for(user)
    if roles.is_site_admin or roles.looks_after(organisation.pk):
        return True
    return organisation.sector == Sector.PUBLIC and standing_compacts_for(user, organisation).exists()


def can_edit_organisation(user, organisation: Organisation) -> bool:
    # Any approved member may keep their organisation's profile up to date (design.md §4); the
    # organisation's admin decides who becomes a member.
    roles = roles_for(user)
    return roles.is_site_admin or roles.looks_after(organisation.pk)


def can_declare_board(user, organisation: Organisation) -> bool:
    # The BME-led test is about community organisations' boards; public bodies have none to declare.
    return organisation.sector != Sector.PUBLIC and can_edit_organisation(user, organisation)


def can_see_board_counts(user, organisation: Organisation) -> bool:
    # Counts are visible to the organisation's members and the steering group of a Compact it
    # belongs to; the public sees the outcome only. One deployment hosts several Compacts, so a
    # seat on another Compact's steering group shows nothing.
    roles = roles_for(user)
    if roles.is_site_admin or roles.belongs_to(organisation.pk):
        return True
    return roles.is_steering and roles.steers_any(compact_ids_of(organisation))


_NOT_LOOKED_UP = object()


def can_request_membership(user, organisation: Organisation, membership=_NOT_LOOKED_UP) -> bool:
    """`membership`: the person's membership of this organisation (None if they have none), when
    the caller has already looked it up."""
    if not roles_for(user).is_authenticated or not can_view_organisation(user, organisation):
        return False
    if membership is _NOT_LOOKED_UP:
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
    return membership is None or membership.status == MembershipStatus.DECLINED


def can_decide_membership(user, membership: Membership) -> bool:
    roles = roles_for(user)
    if membership.user_id == getattr(user, "pk", None):
        return False
    return roles.is_site_admin or roles.administers(membership.organisation_id)


def can_verify_organisation(user, organisation: Organisation) -> bool:
    # A claimed public body is verified by granting it standing (can_grant_public_body_standing).
    return roles_for(user).is_site_admin and not organisation.verified and organisation.sector != Sector.PUBLIC


def standing_compacts_for(user, organisation: Organisation):
    """The Compacts in whose name this person may grant `organisation` public-body standing: those
    they steer, when the claim belongs to no other Compact (a new claim belongs to none)."""
    roles = roles_for(user)
    if organisation.sector != Sector.PUBLIC or organisation.verified or not roles.is_steering:
        return Compact.objects.none()
    claimed_by = compact_ids_of(organisation)
    steered = roles.steering_compacts
    allowed = steered if not claimed_by else steered & claimed_by
    return Compact.objects.filter(pk__in=allowed).order_by("name")


def can_grant_public_body_standing(user, organisation: Organisation) -> bool:
    if organisation.sector != Sector.PUBLIC or organisation.verified:
        return False
    return roles_for(user).is_site_admin or standing_compacts_for(user, organisation).exists()


def can_withdraw_public_body_standing(user, organisation: Organisation) -> bool:
    if not organisation.has_public_body_standing:
        return False
    roles = roles_for(user)
    return roles.is_site_admin or roles.steers_any(compact_ids_of(organisation))


def can_review_public_bodies(user) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.is_steering


def can_download_organisation_data(user, organisation: Organisation) -> bool:
    # Everything held about the organisation, its members' names and emails included: its admins'
    # business (they approve those members), not every member's.
    return roles_for(user).administers(organisation.pk)


def get_organisation_for_user(user, slug: str, queryset: QuerySet[Organisation] | None = None) -> Organisation:
    """The organisation, or 404 for people who may not know it exists (unverified, not theirs)."""
    organisation = (queryset if queryset is not None else Organisation.objects.all()).filter(slug=slug).first()
    if organisation is None or not can_view_organisation(user, organisation):
        raise Http404("No such organisation")
    return organisation


def get_membership_request_for_user(user, pk: int) -> Membership:
    """A membership request the person may decide, or 404 (its existence is nobody else's business)."""
    membership = Membership.objects.select_related("user", "organisation").filter(pk=pk).first()
    if membership is None or not can_decide_membership(user, membership):
        raise Http404("No such membership request")
    return membership
