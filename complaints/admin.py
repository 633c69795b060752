"""Read-only admin for site admins running the service. Who complained is left out on purpose:
only the steering group may know (design.md §4), and it sees that in the portal. The complainant's
details are not in the form, the list or the history; for a confidential complaint the history also
does not say who made each change (the complainant raises, escalates and withdraws), nor who closed
it, unless the reader sits on that Compact's steering group (complaints.history_scope)."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .history_scope import CONFIDENTIAL, complainant_hidden_from
from .models import Complaint, Stage

HIDDEN_FIELDS = CONFIDENTIAL["complaints.complaint"][1]


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StageInline(ReadOnly, admin.TabularInline):
    model = Stage
    readonly_fields = (
        "level",
        "opened_on",
        "acknowledge_by",
        "acknowledged_on",
        "reply_by",
        "replied_on",
        "escalate_by",
    )
    fields = readonly_fields
    extra = 0


@admin.register(Complaint)
class ComplaintAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["reference", "respondent", "status", "confidential", "received_on", "next_deadline", "outcome"]
    list_filter = ["status", "confidential", "outcome", "compact"]
    search_fields = ["reference"]
    fields = [
        "reference",
        "compact",
        "respondent",
        "status",
        "confidential",
        "received_on",
        "next_deadline",
        "next_deadline_action",
        "outcome",
        "closed_on",
    ]
    readonly_fields = fields
    inlines = [StageInline]

    object_history_list_template = "admin/complaints/complaint/object_history_list.html"

    def history_view(self, request, object_id, extra_context=None):
        complaint = self.get_object(request, unquote(object_id))
        hide = complaint is None or complainant_hidden_from(request.user, complaint)
        request.hide_complainant = hide
        return super().history_view(request, object_id, extra_context={**(extra_context or {}), "hide_who": hide})

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        if getattr(request, "hide_complainant", True):
            names = {name for name in HIDDEN_FIELDS} | {
                str(Complaint._meta.get_field(name).verbose_name).lower() for name in HIDDEN_FIELDS
            }
            for record in historical_records:
                changes = getattr(record, "history_delta_changes", None)
                if changes:
                    record.history_delta_changes = [c for c in changes if str(c["field"]).lower() not in names]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # One version in full (with who saved it): only for those who may know the complainant.
        complaint = self.get_object(request, unquote(object_id))
        if complaint is None or complainant_hidden_from(request.user, complaint):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
