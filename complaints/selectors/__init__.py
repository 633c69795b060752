from .complaints import (
    compact_complaints,
    complaint_for_page,
    complaints_raised_by,
    queue_for_body,
    undertakings_to_cite,
)
from .figures import complaint_figures
from .handling import assessment_periods, extensions_beyond_limit, holds, self_assessment_for

__all__ = [
    "assessment_periods",
    "extensions_beyond_limit",
    "holds",
    "self_assessment_for",
    "compact_complaints",
    "complaint_figures",
    "complaint_for_page",
    "complaints_raised_by",
    "queue_for_body",
    "undertakings_to_cite",
]
