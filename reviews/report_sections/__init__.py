"""The sections of the annual review dataset, printed from the apps' typed results (each app's
`review.py`, gathered by reviews.dataset): each adds the text the report prints and its charts to
the figures it is given, and queries nothing.

The sections are in two groups: `signatories` (signatories, compliance, BME-led status,
representation) and `funding_consultations_complaints`."""

from .funding_consultations_complaints import complaints_section, consultations_section, funding_section
from .signatories import bme_led_section, compliance_section, representation_section, signatories_section

__all__ = [
    "bme_led_section",
    "complaints_section",
    "compliance_section",
    "consultations_section",
    "funding_section",
    "representation_section",
    "signatories_section",
]
