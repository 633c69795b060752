"""Every write for Codes and compliance returns. Views, tasks, commands and demo data call these."""

from .actions import WHAT_REQUIRED, WHO_REQUIRED, action_add, action_remove, action_update
from .codes import CODE_FROZEN, CODE_OF_ANOTHER_COMPACT, UNDERTAKING_IN_USE, CodeLoadResult, code_content, code_load
from .evidence import (
    ALLOWED_TYPES,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_TYPE_NOT_ALLOWED,
    LINK_INVALID,
    TOO_MANY_LINKS,
    detect_content_type,
    evidence_file_add,
    evidence_file_copy,
    evidence_file_remove,
    evidence_max_bytes,
    validate_links,
)
from .guards import RETURN_LOCKED, RETURN_SUBMITTED_READ_ONLY
from .notifications import notifications_suppressed, return_event_notify
from .periods import DUE_BEFORE_START, PERIOD_EXISTS, financial_year, reporting_period_create, reporting_period_set_open
from .reminders import reminder_kind, return_reminders_send
from .returns import (
    CODE_NOT_ADOPTED,
    COMMENTS_REQUIRED,
    EXPLANATION_REQUIRED,
    NO_PREVIOUS_RETURN,
    NOT_A_SIGNATORY,
    NOT_WAITING_FOR_REVIEW,
    PERIOD_CLOSED,
    RATING_UNKNOWN,
    RETURN_EXISTS,
    RETURN_INCOMPLETE,
    compliance_entry_update,
    compliance_return_accept,
    compliance_return_send_back,
    compliance_return_start,
    compliance_return_submit,
)
from .returns import CODE_OF_ANOTHER_COMPACT as RETURN_CODE_OF_ANOTHER_COMPACT

__all__ = [name for name in dir() if not name.startswith("_")]
