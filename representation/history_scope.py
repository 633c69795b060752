"""Which Compact each tracked board record belongs to, for the change history pages. Boards tied to
no Compact are managed by every Compact's steering group, so their history is open to all of them."""

from django.db.models import Q

SCOPES = {
    "representation.board": lambda compacts: Q(compact__in=compacts) | Q(compact__isnull=True),
    "representation.appointment": lambda compacts: Q(board__compact__in=compacts) | Q(board__compact__isnull=True),
}
