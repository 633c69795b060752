"""Which Compacts an organisation belongs to, for scoping steering group powers.

A steering seat gives power over one Compact's organisations only (a Plymouth steering member has
no business with a Northamptonshire group's board counts). Today an organisation belongs to the
Compacts it has signed, a public body also to the Compact whose steering group granted its
standing, and any organisation to the Compacts covering the local authority areas it works in (the
same rule as `OrganisationQuerySet.in_compact`): every permission asks this one function.
"""

from .models import Compact, Organisation, Signatory


def compact_ids_of(organisation: Organisation) -> frozenset[int]:
    cached = getattr(organisation, "_compact_ids", None)
    if cached is not None:
        return cached
    ids = set(Signatory.objects.filter(organisation=organisation).values_list("compact_id", flat=True))
    if organisation.standing_compact_id is not None:
        ids.add(organisation.standing_compact_id)
    ids.update(Compact.objects.filter(areas__organisations=organisation).values_list("pk", flat=True))
    organisation._compact_ids = frozenset(ids)
    return organisation._compact_ids
