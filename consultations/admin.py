from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Comment, Consultation, ConsultationEvent, ConsultationSection, Invitation, Response


class SectionInline(admin.TabularInline):
    model = ConsultationSection
    extra = 0


class EventInline(admin.TabularInline):
    model = ConsultationEvent
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner", "status", "opens", "closes"]
    list_filter = ["status", "stage"]
    search_fields = ["title", "slug"]
    inlines = [SectionInline, EventInline]


@admin.register(Comment)
class CommentAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "consultation", "author_kind", "received_on", "hidden"]
    list_filter = ["hidden", "author_kind"]
    search_fields = ["text"]
    raw_id_fields = ["author", "organisation", "hidden_by"]

    def has_delete_permission(self, request, obj=None):
        return False  # comments are hidden with a reason, never deleted


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "consultation", "disposition"]
    list_filter = ["disposition"]
    filter_horizontal = ["comments"]


admin.site.register(Invitation)
