"""Consultation records about one organisation, for its data download (organisations/organisation_data.py)."""

from organisations.organisation_data import records

from .models import Comment, Consultation, Invitation


def sections(organisation) -> dict[str, list[dict]]:
    return {
        "consultations_run": records(Consultation.objects.filter(owner=organisation).order_by("pk")),
        "consultation_invitations": records(Invitation.objects.filter(organisation=organisation).order_by("pk")),
        "consultation_comments": records(Comment.objects.filter(organisation=organisation).order_by("pk")),
    }
