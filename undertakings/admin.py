from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Code,
    ComplianceEntry,
    ComplianceReturn,
    EvidenceFile,
    ReminderSent,
    ReportingPeriod,
    ReturnEvent,
    Section,
    Undertaking,
)


@admin.register(Code)
class CodeAdmin(SimpleHistoryAdmin):
    list_display = ["short_title", "version", "status", "compact", "adopted_on"]
    list_filter = ["status", "compact"]


@admin.register(Undertaking)
class UndertakingAdmin(admin.ModelAdmin):
    list_display = ["ref", "code", "party", "assessable"]
    list_filter = ["code", "party", "assessable"]
    search_fields = ["ref", "text"]


admin.site.register(Section, list_display=["ref", "title", "code"])


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["label", "compact", "start_date", "end_date", "returns_due", "is_open"]


class ReturnEventInline(admin.TabularInline):
    model = ReturnEvent
    extra = 0
    readonly_fields = ("kind", "by", "at", "comments")
    fields = readonly_fields
    can_delete = False


@admin.register(ComplianceReturn)
class ComplianceReturnAdmin(SimpleHistoryAdmin):
    # Workflow changes go through the portal's services (and their audit trail), not the admin.
    list_display = ["organisation", "code", "period", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status", "period", "code"]
    search_fields = ["organisation__name"]
    readonly_fields = [
        "organisation",
        "period",
        "code",
        "status",
        "carried_forward_from",
        "submitted_at",
        "reviewed_at",
    ]
    inlines = [ReturnEventInline]


@admin.register(ComplianceEntry)
class ComplianceEntryAdmin(SimpleHistoryAdmin):
    list_display = ["compliance_return", "undertaking", "rating", "carried_forward"]
    list_filter = ["rating", "carried_forward"]
    readonly_fields = ["compliance_return", "undertaking"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(SimpleHistoryAdmin):
    list_display = ["original_name", "entry", "content_type", "size", "uploaded_at"]
    readonly_fields = ["entry", "file", "original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["what", "who", "due_on", "done"]
    list_filter = ["done"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "period", "code", "kind", "sent_at"]
    list_filter = ["kind", "period"]
