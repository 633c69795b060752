"""Which Compact each tracked complaint record belongs to, for the change history pages (the audit
app finds this module at run time), and which changes must not say who made them.

A steering group member sees the history of complaints in their own Compact only. Site admins see
every Compact's, but a confidential complaint's complainant is known to its Compact's steering group
alone (docs/security.md): the complainant's own details are kept out of the history
(COMPLAINANT_FIELDS), and who made each change, or closed it, can be the complainant too (raising,
escalating, withdrawing), so for confidential complaints those are shown only to that steering group.
"""

from django.db.models import Q

from organisations.roles import roles_for

from .models import Complaint

SCOPES = {
    "complaints.complaint": lambda compacts: Q(compact__in=compacts),
    "complaints.stage": lambda compacts: Q(complaint__compact__in=compacts),
    "complaints.pause": lambda compacts: Q(stage__complaint__compact__in=compacts),
    "complaints.selfassessment": lambda compacts: Q(period__compact__in=compacts),
}


def _confidential_outside(compacts):
    return Complaint.objects.filter(confidential=True).exclude(compact__in=compacts).values("pk")


# Model key -> (rows whose changer is hidden from someone who steers `compacts`, fields hidden there).
# The live complaint decides, not the history row, so every version of a confidential complaint is covered.
CONFIDENTIAL = {
    "complaints.complaint": (lambda compacts: Q(id__in=_confidential_outside(compacts)), ("closed_by",)),
    "complaints.stage": (lambda compacts: Q(complaint_id__in=_confidential_outside(compacts)), ()),
}


def complainant_hidden_from(user, complaint: Complaint) -> bool:
    """True when `user` may not learn who raised `complaint`, site admins included."""
    return complaint.confidential and not roles_for(user).steers(complaint.compact_id)
