"""Which Compact each tracked board record belongs to, for the change history pages. Boards tied to
no Compact are managed by site admins only, so their history is for site admins too."""

from django.db.models import Q

SCOPES = {
    "representation.board": lambda compacts: Q(compact__in=compacts),
    "representation.appointment": lambda compacts: Q(board__compact__in=compacts),
}
