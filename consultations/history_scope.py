"""Which Compact each tracked consultation record belongs to, for the change history pages: the
Compacts its owner has signed. Comments' history names their authors, who are never published."""

from django.db.models import Q

SCOPES = {
    "consultations.consultation": lambda compacts: Q(owner__signatory_records__compact__in=compacts),
    "consultations.comment": lambda compacts: Q(consultation__owner__signatory_records__compact__in=compacts),
    "consultations.response": lambda compacts: Q(consultation__owner__signatory_records__compact__in=compacts),
}
