"""Reads for the public-body standing page: claims waiting for standing, and bodies that have it."""

from django.db.models import Q, QuerySet

from ..models import Organisation, Sector, Signatory


def _in_compacts(compact_ids) -> Q:
    signed = Signatory.objects.filter(compact_id__in=compact_ids).values("organisation_id")
    return Q(pk__in=signed) | Q(standing_compact_id__in=compact_ids)


def public_body_claims(*, compact_ids: frozenset[int] | None) -> QuerySet[Organisation]:
    """Organisations registered as public bodies without standing. `compact_ids`: those a steering
    member may act for (their own Compacts' claims and claims tied to no Compact yet); None for all."""
    claims = Organisation.objects.filter(sector=Sector.PUBLIC, verified=False).order_by("created_at", "pk")
    if compact_ids is None:
        return claims
    unclaimed = ~Q(pk__in=Signatory.objects.values("organisation_id")) & Q(standing_compact__isnull=True)
    return claims.filter(unclaimed | _in_compacts(compact_ids)).distinct()


def public_bodies_with_standing(*, compact_ids: frozenset[int] | None) -> QuerySet[Organisation]:
    bodies = Organisation.objects.with_standing().select_related("verified_by", "standing_compact").order_by("name")
    return bodies if compact_ids is None else bodies.filter(_in_compacts(compact_ids)).distinct()
