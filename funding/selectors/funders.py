"""The one rule for a `?funder=` parameter, on every page, download and API that filters by funder.

A funder is a public body with standing (Organisation.objects.with_standing(): a public body whose
standing a site admin or steering group has granted), and, when a Compact is chosen too, one of its
signatories. Anything else is refused with a message, never silently dropped: an unknown identifier
left out of the filter would hand back every funder's awards under one funder's name.

The refusal names no organisation for an identifier without standing: an unverified body publishes
nothing, its name included, so "unknown" and "not a public body with standing" read the same.
"""

from organisations.models import Compact, Organisation, Signatory

NO_SUCH_FUNDER = "No public body with standing has the organisation identifier “{value}”."
FUNDER_NOT_IN_COMPACT = "{funder} is not a signatory of {compact}."


def resolve_funder(org_id: str, compact: Compact | None = None) -> tuple[Organisation | None, str | None]:
    """The funder a `funder=` parameter names: (funder, None), (None, None) when none is named, or
    (None, message) when the rule refuses it."""
    org_id = org_id.strip()
    if not org_id:
        return None, None
    funder = Organisation.objects.with_standing().filter(org_id=org_id).first()
    if funder is None:
        return None, NO_SUCH_FUNDER.format(value=org_id)
    if compact is not None and not Signatory.objects.filter(compact=compact, organisation=funder).exists():
        return None, FUNDER_NOT_IN_COMPACT.format(funder=funder.name, compact=compact.name)
    return funder, None
