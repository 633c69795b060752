from .complaints import (
    compact_complaints,
    complaint_for_page,
    complaints_raised_by,
    queue_for_body,
    undertakings_to_cite,
)
from .figures import complaint_figures

__all__ = [
    "compact_complaints",
    "complaint_figures",
    "complaint_for_page",
    "complaints_raised_by",
    "queue_for_body",
    "undertakings_to_cite",
]
