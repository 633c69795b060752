"""Who may see and change boards, representatives and appointments.

- Everyone may see boards, the pool figures and the names of representatives who agreed to
  publication (`publish_name`, consent not withdrawn).
- The steering group of a board's Compact, and site admins, edit the board and its appointments;
  a board tied to no Compact may be edited by any Compact's steering group.
- Officers of a board's convening organisation manage that board's appointments. To choose whom to
  appoint they see the names in the pool (in the appointment form) and the names on their board,
  but not the pool's contact details or representatives' own pages.
- The pool of representatives (their contact details, unpublished names) is kept by steering
  group members (of any Compact) and site admins, who record consent.
"""

from django.http import Http404

from organisations.roles import roles_for


def can_manage_pool(user) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.is_steering


def can_create_board(user) -> bool:
    return can_manage_pool(user)


def can_edit_board(user, board) -> bool:
    roles = roles_for(user)
    if roles.is_site_admin:
        return True
    return roles.is_steering if board.compact_id is None else roles.steers(board.compact_id)


def can_manage_appointments(user, board) -> bool:
    if can_edit_board(user, board):
        return True
    return board.convening_organisation_id is not None and board.convening_organisation_id in roles_for(user).officer_of


def can_manage_any_appointments(user) -> bool:
    """Whether the person may give seats on at least one board (for choosing representatives)."""
    roles = roles_for(user)
    return can_manage_pool(user) or roles.is_officer


def can_see_name(user, representative, board=None) -> bool:
    """The person's name, unless they withdrew consent: public when they agreed to publication;
    otherwise for the pool's keepers, and for those who manage a board they sit on."""
    if representative.consent_withdrawn:
        return False
    if representative.publish_name or can_manage_pool(user):
        return True
    return board is not None and can_manage_appointments(user, board)


def can_view_representative(user, representative) -> bool:
    return can_manage_pool(user) or representative.name_is_public


def can_edit_representative(user, representative) -> bool:
    return can_manage_pool(user) and not representative.consent_withdrawn


def get_representative_for_user(user, representative):
    """The representative's page, or 404 for people who may not know the person is in the pool."""
    if representative is None or not can_view_representative(user, representative):
        raise Http404("No such representative")
    return representative
