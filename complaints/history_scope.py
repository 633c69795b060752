"""Which Compact each tracked complaint record belongs to, for the change history pages (the audit
app finds this module at run time). A steering group member sees the history of complaints in their
own Compact only: a complaint's history names who raised it, even when the complaint is confidential."""

from django.db.models import Q

SCOPES = {
    "complaints.complaint": lambda compacts: Q(compact__in=compacts),
    "complaints.stage": lambda compacts: Q(complaint__compact__in=compacts),
    "complaints.pause": lambda compacts: Q(stage__complaint__compact__in=compacts),
    "complaints.selfassessment": lambda compacts: Q(period__compact__in=compacts),
}
