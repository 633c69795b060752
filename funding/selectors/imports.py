"""Reads for imports: recipients waiting for an officer to confirm a match."""

from django.db.models import Exists, OuterRef

from funding.import_models import MatchStatus
from funding.models import Award, RecipientMatch
from organisations.roles import roles_for


def pending_matches(user):
    """Matches still to decide for recipients of the user's bodies' awards (all of them for a site admin)."""
    matches = RecipientMatch.objects.filter(status=MatchStatus.PENDING).select_related("candidate")
    roles = roles_for(user)
    if roles.is_site_admin:
        return matches
    theirs = Award.objects.filter(recipient_org_id=OuterRef("recipient_org_id"), funder_id__in=roles.officer_of)
    return matches.filter(Exists(theirs))
