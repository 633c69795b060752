"""Compliance returns of one organisation, for its data download (organisations/organisation_data.py)."""

from organisations.organisation_data import records

from .models import ComplianceReturn


def sections(organisation) -> dict[str, list[dict]]:
    returns = ComplianceReturn.objects.filter(organisation=organisation).order_by("pk")
    return {"compliance_returns": records(returns)}
