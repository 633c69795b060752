"""Every write to consultations. Error messages are module constants that tests assert on."""

from .comments import (
    comment_add_anonymous,
    comment_add_for_organisation,
    comment_add_individual,
    comment_hide,
    comment_record,
    comment_unhide,
)
from .corrections import event_remove, event_update, section_move, section_remove, section_update
from .invitations import invitation_emails_send, invitations_send
from .loader import load_consultation_file
from .publishing import (
    response_figures,
    response_notices_send,
    response_pdf_build,
    response_pdfs_sweep,
    response_publish,
)
from .reminders import response_reminders_send
from .responses import response_create
from .themes import comment_themes_set, theme_add
from .workflow import (
    consultation_close,
    consultation_create,
    consultation_open,
    consultation_publish_response,
    consultation_update,
    consultations_close_due,
    event_add,
    pending_count,
    section_add,
)

__all__ = [
    "comment_add_anonymous",
    "comment_add_for_organisation",
    "comment_add_individual",
    "comment_hide",
    "comment_record",
    "comment_unhide",
    "consultation_close",
    "consultation_create",
    "consultation_open",
    "consultation_publish_response",
    "consultation_update",
    "consultations_close_due",
    "event_add",
    "event_remove",
    "event_update",
    "invitation_emails_send",
    "invitations_send",
    "load_consultation_file",
    "pending_count",
    "comment_themes_set",
    "response_create",
    "response_figures",
    "response_notices_send",
    "response_pdf_build",
    "response_pdfs_sweep",
    "response_publish",
    "theme_add",
    "response_reminders_send",
    "section_add",
    "section_move",
    "section_remove",
    "section_update",
]
