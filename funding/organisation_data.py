"""Funding records about one organisation, for its data download (organisations/organisation_data.py)."""

from organisations.organisation_data import records

from .models import Application, Award, FundingProgramme


def sections(organisation) -> dict[str, list[dict]]:
    return {
        "funding_programmes_run": records(FundingProgramme.objects.filter(funder=organisation).order_by("pk")),
        "funding_applications": records(Application.objects.filter(applicant=organisation).order_by("pk")),
        "awards_received": records(Award.objects.filter(recipient=organisation).order_by("pk")),
        "awards_made": records(Award.objects.filter(funder=organisation).order_by("pk")),
    }
