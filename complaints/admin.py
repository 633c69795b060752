"""Read-only admin for site admins running the service. Who complained is left out on purpose:
only the steering group may know (design.md §4), and it sees that in the portal."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Complaint, Stage


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StageInline(ReadOnly, admin.TabularInline):
    model = Stage
    fields = ["level", "opened_on", "acknowledge_by", "acknowledged_on", "reply_by", "replied_on", "escalate_by"]
    readonly_fields = fields
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
