"""Which Compact each tracked compliance record belongs to, for the change history pages: the one
whose reporting period it is for. A draft return's history (who rated what, and changed it) is for
that Compact's steering group, not every Compact's. Codes are public and stay visible to all."""

from django.db.models import Q

SCOPES = {
    "undertakings.reportingperiod": lambda compacts: Q(compact__in=compacts),
    "undertakings.compliancereturn": lambda compacts: Q(period__compact__in=compacts),
    "undertakings.complianceentry": lambda compacts: Q(compliance_return__period__compact__in=compacts),
    "undertakings.evidencefile": lambda compacts: Q(entry__compliance_return__period__compact__in=compacts),
    "undertakings.action": lambda compacts: Q(entry__compliance_return__period__compact__in=compacts),
}
