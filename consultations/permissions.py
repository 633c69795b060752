"""Who may do what with a consultation.

The public sees every consultation that is not a draft, its visible comments and its response.
Drafts, moderation and responses belong to the owning body's officers, the steering group of a
Compact the owner has signed, and site admins.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from organisations.models import Signatory
from organisations.roles import roles_for

from .models import Consultation, Status


def _steers_owner(roles, consultation: Consultation) -> bool:
    if not roles.steering_compacts:
        return False
    today = timezone.localdate()
    return (
        Signatory.objects.filter(
            organisation_id=consultation.owner_id, compact_id__in=roles.steering_compacts, signed_on__lte=today
        )
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=today))
        .exists()
    )


def can_manage(user, consultation: Consultation) -> bool:
    """Edit, moderate and respond: the owner's officers, its steering group, site admins."""
    roles = roles_for(user)
    if roles.is_site_admin or consultation.owner_id in roles.officer_of:
        return True
    cache = getattr(user, "_consultations_steers", None) if user is not None else None
    if cache is None:
        cache = {}
        if user is not None and user.is_authenticated:
            user._consultations_steers = cache
    if consultation.owner_id not in cache:
        cache[consultation.owner_id] = _steers_owner(roles, consultation)
    return cache[consultation.owner_id]


def can_view(user, consultation: Consultation) -> bool:
    # Only a public body with standing publishes; an unverified owner's consultation stays hidden.
    published = consultation.status != Status.DRAFT and consultation.owner.verified
    return published or can_manage(user, consultation)


def get_consultation_for_user(user, consultation: Consultation | None) -> Consultation:
    if consultation is None or not can_view(user, consultation):
        raise Http404("No such consultation")
    return consultation


def can_create(user) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.is_officer


def can_edit(user, consultation: Consultation) -> bool:
    return consultation.status in (Status.DRAFT, Status.OPEN) and can_manage(user, consultation)


def can_change_events(user, consultation: Consultation) -> bool:
    """Events can be corrected or removed until the response is published."""
    return consultation.status != Status.PUBLISHED and can_manage(user, consultation)


def can_open(user, consultation: Consultation) -> bool:
    return consultation.status == Status.DRAFT and can_manage(user, consultation)


def can_close(user, consultation: Consultation) -> bool:
    return consultation.status == Status.OPEN and can_manage(user, consultation)


def can_respond(user, consultation: Consultation) -> bool:
    return consultation.status in (Status.OPEN, Status.CLOSED) and can_manage(user, consultation)


def can_record_comment(user, consultation: Consultation) -> bool:
    """Type in a comment received by post, email, at an event or by phone: until the response is
    published, since post can arrive after the closing date."""
    return consultation.status in (Status.OPEN, Status.CLOSED) and can_manage(user, consultation)


def can_publish(user, consultation: Consultation) -> bool:
    return consultation.status == Status.CLOSED and can_manage(user, consultation)


def can_comment(user, consultation: Consultation) -> bool:
    return (
        consultation.status == Status.OPEN
        and consultation.closes is not None
        and timezone.localdate() <= consultation.closes
    )


def can_view_response(user, consultation: Consultation) -> bool:
    """The "you said, we did" page: public once closed (marked not final until published)."""
    return consultation.status in (Status.CLOSED, Status.PUBLISHED) or (
        consultation.status == Status.OPEN and can_manage(user, consultation)
    )


def owners_for(user):
    """Public bodies this person may create a consultation for."""
    from organisations.models import Organisation

    roles = roles_for(user)
    bodies = Organisation.objects.with_standing()
    return bodies if roles.is_site_admin else bodies.filter(pk__in=roles.officer_of)


def allowed_actions(user, consultation: Consultation) -> dict[str, bool]:
    return {
        "manage": can_manage(user, consultation),
        "edit": can_edit(user, consultation),
        "events": can_change_events(user, consultation),
        "open": can_open(user, consultation),
        "close": can_close(user, consultation),
        "respond": can_respond(user, consultation),
        "record": can_record_comment(user, consultation),
        "publish": can_publish(user, consultation),
        "comment": can_comment(user, consultation),
        "response": can_view_response(user, consultation),
    }
