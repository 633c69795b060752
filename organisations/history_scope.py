"""Which Compact each tracked organisation record belongs to, for the change history pages (the
audit app finds this module at run time). Board declarations hold board counts and memberships name
people, so a steering group sees them only for organisations of its own Compact
(organisations.compacts: those that signed it, or whose public-body standing it granted)."""

from django.db.models import Q

from .models import Organisation, Signatory


def _organisations_of(compacts):
    signed = Signatory.objects.filter(compact__in=compacts).values("organisation_id")
    granted = Organisation.objects.filter(standing_compact__in=compacts).values("pk")
    return Q(organisation_id__in=signed) | Q(organisation_id__in=granted)


SCOPES = {
    "organisations.organisation": lambda compacts: (
        Q(id__in=Signatory.objects.filter(compact__in=compacts).values("organisation_id"))
        | Q(standing_compact__in=compacts)
    ),
    "organisations.boarddeclaration": _organisations_of,
    "organisations.membership": _organisations_of,
    "organisations.signatory": lambda compacts: Q(compact__in=compacts),
    "organisations.steeringgroupmember": lambda compacts: Q(compact__in=compacts),
    "organisations.compact": lambda compacts: Q(id__in=compacts),
}
