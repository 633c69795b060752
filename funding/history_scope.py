"""Which Compact each tracked funding record belongs to, for the change history pages: the Compacts
its funder has signed. Applications' history holds declined bids and the reasons, which are for the
funder and its steering group; the published awards stay public through the 360Giving export."""

from django.db.models import Q

SCOPES = {
    "funding.fundingprogramme": lambda compacts: Q(funder__signatory_records__compact__in=compacts),
    "funding.application": lambda compacts: Q(programme__funder__signatory_records__compact__in=compacts),
    "funding.award": lambda compacts: Q(funder__signatory_records__compact__in=compacts),
    "funding.jointreview": lambda compacts: Q(award__funder__signatory_records__compact__in=compacts),
    "funding.redistribution": lambda compacts: Q(award__funder__signatory_records__compact__in=compacts),
}
