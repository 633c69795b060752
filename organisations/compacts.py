"""Which Compacts an organisation belongs to, for scoping steering group powers.

A steering seat gives power over one Compact's organisations only (a Plymouth steering member has
no business with a Northamptonshire group's board counts). Today an organisation belongs to the
Compacts it has signed, and a public body also to the Compact whose steering group granted its
standing. When organisations record the areas they work in, the Compacts covering those areas
belong here too: every permission asks this one function.
"""

from .models import Organisation, Signatory


def compact_ids_of(organisation: Organisation) -> frozenset[int]:
    cached = getattr(organisation, "_compact_ids", None)
    if cached is not None:
        return cached
    ids = set(Signatory.objects.filter(organisation=organisation).values_list("compact_id", flat=True))
    if organisation.standing_compact_id is not None:
        ids.add(organisation.standing_compact_id)
    organisation._compact_ids = frozenset(ids)
    return organisation._compact_ids
