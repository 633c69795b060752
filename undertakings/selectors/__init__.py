"""Reads for Codes and compliance. `compliance_summary` is the annual review's way in."""

from .actions import overdue_actions
from .codes import code_for_page, codes_for_list
from .periods import (
    is_signatory_during,
    last_ended_period,
    periods_for_compacts,
    previous_return,
    signatories_during,
)
from .returns import (
    MissingItem,
    ReturnToStart,
    entries_by_section,
    neighbour_entries,
    return_missing_items,
    return_with_entries,
    returns_for_organisations,
    returns_to_start,
    unconfirmed_entries,
)
from .section_matrix import BodyRow, SectionCell, SectionMatrix, section_matrix
from .steering import (
    COUNTED_STATUSES,
    Matrix,
    OverviewRow,
    compliance_matrix,
    period_overview,
    period_overview_page,
    rating_counts,
    rating_counts_of,
    undertaking_ratings,
    undertaking_ratings_query,
)
from .summary import compliance_summary

__all__ = [
    "overdue_actions",
    "code_for_page",
    "codes_for_list",
    "is_signatory_during",
    "last_ended_period",
    "periods_for_compacts",
    "previous_return",
    "signatories_during",
    "MissingItem",
    "ReturnToStart",
    "entries_by_section",
    "neighbour_entries",
    "return_missing_items",
    "return_with_entries",
    "returns_for_organisations",
    "returns_to_start",
    "unconfirmed_entries",
    "COUNTED_STATUSES",
    "Matrix",
    "OverviewRow",
    "compliance_matrix",
    "period_overview",
    "period_overview_page",
    "rating_counts",
    "rating_counts_of",
    "undertaking_ratings",
    "undertaking_ratings_query",
    "compliance_summary",
    "BodyRow",
    "SectionCell",
    "SectionMatrix",
    "section_matrix",
]
