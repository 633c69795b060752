"""Complaints about or by one organisation, for its data download (organisations/organisation_data.py).

Complaints it raised are its own. Complaints against it are shown as its officers see them in the
portal: who raised a confidential one is never included (not the person, the organisation, an email
or an account), and for an open one only the complaining organisation's name."""

from organisations.organisation_data import plain

from .models import ComplainantKind, Complaint
from .models.complaint import COMPLAINANT_FIELDS

# What a complaint says about itself, without who raised it.
FIELDS = [
    f.attname
    for f in Complaint._meta.concrete_fields
    if f.name not in COMPLAINANT_FIELDS and f.name not in ("closed_by", "follow_up_nonce")
]


def _complainant(complaint: Complaint) -> str:
    if complaint.confidential:
        return "Not shown: confidential complaint"
    if complaint.complainant_kind == ComplainantKind.ORGANISATION and complaint.complainant_organisation:
        return complaint.complainant_organisation.name
    if complaint.complainant_kind == ComplainantKind.ANONYMOUS:
        return "Anonymous"
    return "An individual"


def _row(complaint: Complaint, **extra) -> dict:
    return {name: plain(getattr(complaint, name)) for name in FIELDS} | extra


def sections(organisation) -> dict[str, list[dict]]:
    raised = Complaint.objects.received().filter(complainant_organisation=organisation).select_related("respondent")
    against = Complaint.objects.received().filter(respondent=organisation).select_related("complainant_organisation")
    return {
        "complaints_raised": [
            _row(c, respondent_name=c.respondent.name, confidential_raised=c.confidential)
            for c in raised.order_by("pk")
        ],
        "complaints_against": [_row(c, complainant=_complainant(c)) for c in against.order_by("pk")],
    }
