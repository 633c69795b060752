"""Who may see and change boards, representatives and appointments.

- Everyone may see boards, the pool figures (with disclosure control, common.disclosure) and the
  names of representatives who agreed to publication (`publish_name`, consent not withdrawn).
- Each Compact keeps its own pool of representatives. Its steering group, and site admins, hold
  their contact details, communities and unpublished names, record consent and its withdrawal.
  A seat on one Compact's steering group gives nothing in another's pool: one deployment hosts
  several Compacts (security issue, item 7).
- The steering group of a board's Compact, and site admins, edit the board and its appointments.
  A board tied to no Compact is shared, so only site admins edit it.
- Officers of a board's convening organisation manage that board's appointments. To choose whom to
  appoint they see the names in the board's Compact's pool (in the appointment form) and the names
  on their board, but not the pool's contact details or representatives' own pages.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.models import Compact
from organisations.roles import roles_for

from .models import Representative


def can_keep_a_pool(user) -> bool:
    """Whether the person keeps at least one Compact's pool (the pool's list and "add" pages)."""
    roles = roles_for(user)
    return roles.is_site_admin or roles.is_steering


def keeps_pool_of(user, representative) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.steers(representative.compact_id)


def pool_compacts(user) -> QuerySet[Compact]:
    """The Compacts whose pools the person keeps (all for site admins)."""
    roles = roles_for(user)
    compacts = Compact.objects.order_by("name")
    return compacts if roles.is_site_admin else compacts.filter(pk__in=roles.steering_compacts)


def pool_filter(user) -> Q | None:
    """Q on Representative for the pools the person keeps: Q() for site admins, None for nobody."""
    roles = roles_for(user)
    if roles.is_site_admin:
        return Q()
    return Q(compact_id__in=roles.steering_compacts) if roles.is_steering else None


def can_create_board(user) -> bool:
    return can_keep_a_pool(user)


def can_edit_board(user, board) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.steers(board.compact_id)


def can_manage_appointments(user, board) -> bool:
    if can_edit_board(user, board):
        return True
    return board.convening_organisation_id is not None and board.convening_organisation_id in roles_for(user).officer_of


def appointable_representatives(user, board) -> QuerySet[Representative]:
    """Whom the person may give a seat on `board`: the board's Compact's pool; for a board tied to
    no Compact (site admins only), anyone."""
    people = Representative.objects.filter(consent_withdrawn_on__isnull=True)
    if board.compact_id is not None:
        return people.filter(compact_id=board.compact_id)
    return people if roles_for(user).is_site_admin else people.none()


def can_see_name(user, representative, board=None) -> bool:
    """The person's name, unless they withdrew consent: public when they agreed to publication;
    otherwise for their pool's keepers, and for those who manage a board they sit on."""
    if representative.consent_withdrawn:
        return False
    if representative.publish_name or keeps_pool_of(user, representative):
        return True
    return board is not None and can_manage_appointments(user, board)


def can_view_representative(user, representative) -> bool:
    return keeps_pool_of(user, representative) or representative.name_is_public


def can_see_personal_details(user, representative) -> bool:
    """Contact details, communities represented and whether they count as a BME representative."""
    return keeps_pool_of(user, representative)


def can_edit_representative(user, representative) -> bool:
    return keeps_pool_of(user, representative) and not representative.consent_withdrawn


def get_representative_for_user(user, representative):
    """The representative's page, or 404 for people who may not know the person is in the pool."""
    if representative is None or not can_view_representative(user, representative):
        raise Http404("No such representative")
    return representative
