"""Which awards and applications are a funder's, or a Compact's: one rule for every list and figure."""

from django.db.models import Exists, OuterRef, Q

from organisations.models import Compact, Organisation, Signatory


def funding_scope(funder: Organisation | None, compact: Compact | None, via: str = "", party: str = "recipient") -> Q:
    """Awards (or, `via="programme__", party="applicant"`, applications) of one funder and/or a
    Compact's signatories (signed on the award's date, or the application's), as a filter. For a
    Compact the recipient must also work in its areas: a funder that signed two Compacts (a
    countywide NHS body, say) would otherwise have every award counted in both. The one rule for the
    monitoring figures, the awards list and its downloads, and /api/v1/grants."""
    # Figures count only bodies with standing: an unverified "public body" could otherwise add awards.
    scope = Q(**{f"{via}funder__verified": True})
    if funder is not None:
        scope &= Q(**{f"{via}funder": funder})
    if compact is not None:
        # The funder was a signatory on the day: an award made before it signed or after it withdrew
        # is not made under the Compact (its signatories section lists it with its dates).
        on_day = "award_date" if party == "recipient" else "submitted_on"
        signed = Signatory.objects.filter(
            compact=compact, organisation=OuterRef(f"{via}funder"), signed_on__lte=OuterRef(on_day)
        ).filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=OuterRef(on_day)))
        scope &= Q(Exists(signed))
        scope &= Q(**{f"{party}__in": Organisation.objects.in_compact(compact).values("pk")})
    return scope
