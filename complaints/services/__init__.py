"""Every write to complaints. Views check permissions (complaints.permissions) first; services
check the state of the complaint and the rules of the Complaint Handling Code, and raise
ValidationError with one of the messages below."""

from .communication import (
    complaint_file_add,
    complaint_message,
    complaint_note,
    draft_file_add,
    draft_file_remove,
    stored_upload,
)
from .handling import (
    complaint_close,
    complaint_escalate,
    complaint_withdraw,
    stage_acknowledge,
    stage_extend,
    stage_reply,
)
from .learning import complaint_learning_record, self_assessment_save
from .pausing import stage_pause, stage_resume
from .raising import complaint_confirm_email, complaint_raise
from .recording import complaint_record

__all__ = [
    "complaint_close",
    "complaint_confirm_email",
    "complaint_escalate",
    "complaint_file_add",
    "complaint_learning_record",
    "complaint_message",
    "complaint_note",
    "complaint_raise",
    "complaint_record",
    "complaint_withdraw",
    "draft_file_add",
    "draft_file_remove",
    "stage_acknowledge",
    "stage_extend",
    "stage_pause",
    "stage_reply",
    "stage_resume",
    "self_assessment_save",
    "stored_upload",
]
