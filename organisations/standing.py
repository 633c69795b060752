"""Public-body standing: the services that grant and withdraw it.

Anyone may register an organisation and say it is a public body, so saying so gives nothing. Its
members act as officers (publish consultations and funding, record awards, answer complaints and
fill in returns) only once a site admin, or the steering group of the Compact it belongs to, has
checked it and granted standing. Each grant and withdrawal is kept in the organisation's change
history (who, when, and a reason naming the steering group), besides verified_by/verified_at.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User

from . import tasks
from .models import Compact, Organisation, Sector
from .permissions import can_withdraw_public_body_standing, standing_compacts_for
from .roles import roles_for

NOT_A_PUBLIC_BODY = "{name} is not registered as a public body. A site admin can correct its sector first."
ALREADY_HAS_STANDING = "{name} already has public-body standing."
HAS_NO_STANDING = "{name} does not have public-body standing."
NOT_ALLOWED_TO_GRANT = "Only a site admin or the steering group of {name}'s Compact can grant it public-body standing."
NOT_ALLOWED_TO_WITHDRAW = (
    "Only a site admin or the steering group of {name}'s Compact can withdraw its public-body standing."
)
REASON_REQUIRED = "Enter why its standing is being withdrawn."


@transaction.atomic
def public_body_standing_grant(
    *, organisation: Organisation, granted_by: User, compact: Compact | None = None
) -> Organisation:
    """Confirm that `organisation` is the public body it says it is: it joins the directory and its
    approved members become officers. A steering member grants in the name of `compact`, one of
    theirs; a site admin may leave it empty."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.sector != Sector.PUBLIC:
        raise ValidationError(NOT_A_PUBLIC_BODY.format(name=organisation.name))
    if organisation.verified:
        raise ValidationError(ALREADY_HAS_STANDING.format(name=organisation.name))
    roles = roles_for(granted_by)
    steering_may = (
        compact is not None and standing_compacts_for(granted_by, organisation).filter(pk=compact.pk).exists()
    )
    if not (roles.is_site_admin or steering_may):
        raise PermissionDenied(NOT_ALLOWED_TO_GRANT.format(name=organisation.name))
    organisation.verified = True
    organisation.verified_at = timezone.now()
    organisation.verified_by = granted_by
    if compact is not None:
        organisation.standing_compact = compact
    who = f"the steering group of {compact.name}" if compact is not None else "a site admin"
    organisation._history_user = granted_by
    organisation._change_reason = f"Public-body standing granted by {who}"
    organisation.save()
    transaction.on_commit(lambda: tasks.notify_organisation_verified.delay(organisation.pk))
    return organisation


@transaction.atomic
def public_body_standing_withdraw(*, organisation: Organisation, withdrawn_by: User, reason: str) -> Organisation:
    """Take standing away (a mistaken grant, a body that turned out not to be one). Its members stop
    acting as officers at once, and what it recorded leaves the public pages and open data."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not organisation.has_public_body_standing:
        raise ValidationError(HAS_NO_STANDING.format(name=organisation.name))
    if not can_withdraw_public_body_standing(withdrawn_by, organisation):
        raise PermissionDenied(NOT_ALLOWED_TO_WITHDRAW.format(name=organisation.name))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    organisation.verified = False
    organisation.verified_at = None
    organisation.verified_by = None
    organisation._history_user = withdrawn_by
    organisation._change_reason = f"Public-body standing withdrawn: {reason}"[:100]
    organisation.save()
    return organisation
