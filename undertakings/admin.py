from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Code, ReportingPeriod, Section, Undertaking


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
