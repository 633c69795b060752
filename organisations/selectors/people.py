"""Memberships, requests to decide and organisations waiting to be verified."""

from django.db.models import QuerySet

from ..models import Membership, MembershipRole, MembershipStatus, Organisation, Sector


def memberships_for_user(*, user) -> QuerySet[Membership]:
    """A person's memberships (approved, requested and declined), with their organisations."""
    return user.memberships.select_related("organisation").order_by("organisation__name")


def membership_requests_to_decide(*, user, is_site_admin: bool) -> QuerySet[Membership]:
    """Pending requests this person may decide: for organisations they administer, or all of them
    for a site admin."""
    requests = Membership.objects.filter(status=MembershipStatus.REQUESTED).select_related("user", "organisation")
    if not is_site_admin:
        administered = Membership.objects.filter(
            user=user, status=MembershipStatus.APPROVED, role=MembershipRole.ADMIN
        ).values("organisation_id")
        requests = requests.filter(organisation_id__in=administered)
    return requests.order_by("requested_at", "pk")


def organisations_awaiting_verification() -> QuerySet[Organisation]:
    # Claimed public bodies wait on the public-body standing page instead (selectors.standing).
    return Organisation.objects.filter(verified=False).exclude(sector=Sector.PUBLIC).order_by("created_at", "pk")
