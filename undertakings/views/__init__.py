from .codes import code_changes, code_csv, code_detail, code_list, code_list_csv
from .confirm import return_confirm_unchanged
from .entries import (
    action_add,
    action_edit,
    action_remove,
    entry_edit,
    evidence_add,
    evidence_download,
    evidence_remove,
)
from .periods import period_add, period_close, period_reopen
from .returns import return_csv, return_detail, return_list, return_list_csv, return_review, return_start, return_submit
from .steering import matrix, matrix_csv, matrix_full, period_csv, period_overview, undertaking_csv, undertaking_detail

__all__ = [
    "code_csv",
    "code_changes",
    "code_detail",
    "code_list",
    "code_list_csv",
    "action_add",
    "action_edit",
    "action_remove",
    "entry_edit",
    "evidence_add",
    "evidence_download",
    "evidence_remove",
    "period_add",
    "period_close",
    "period_reopen",
    "return_confirm_unchanged",
    "return_csv",
    "return_detail",
    "return_list",
    "return_list_csv",
    "return_review",
    "return_start",
    "return_submit",
    "matrix",
    "matrix_csv",
    "matrix_full",
    "period_csv",
    "period_overview",
    "undertaking_csv",
    "undertaking_detail",
]
