"""Every read in funding that matters for speed or is shared with other apps."""

from .funders import resolve_funder
from .lists import applications_for_user, award_funders, award_list, programme_list, todo_for_user
from .monitoring import ApplicantFigures, FundingMonitoring, funding_monitoring

__all__ = [
    "ApplicantFigures",
    "FundingMonitoring",
    "applications_for_user",
    "award_funders",
    "award_list",
    "funding_monitoring",
    "programme_list",
    "resolve_funder",
    "todo_for_user",
]
