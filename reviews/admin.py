"""Admin for site admins: versions are read-only (only the job writes them); actions may be edited."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualReview, ReviewAction


@admin.register(AnnualReview)
class AnnualReviewAdmin(SimpleHistoryAdmin):
    list_display = ["compact", "period", "version", "status", "progress", "attempts", "requested_at", "is_published"]
    list_filter = ["status", "is_published", "compact"]
    fields = [
        "compact",
        "period",
        "version",
        "requested_by",
        "requested_at",
        "status",
        "progress",
        "progress_message",
        "attempts",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "failure_reason",
        "pdf",
        "page_count",
        "is_published",
        "published_at",
        "published_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReviewAction)
class ReviewActionAdmin(SimpleHistoryAdmin):
    list_display = ["compact", "period", "position", "action", "owner", "due"]
    list_filter = ["compact"]
