"""Admin for site admins. Changes to people go through the portal's pages so that consent is
recorded and withdrawal erases details; the admin here is for looking and for fixing boards."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Appointment, Board, Representative


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "compact", "convening_organisation", "seats_available"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    list_display = ["name", "compact", "organisation", "publish_name", "consent_given_on", "consent_withdrawn_on"]
    list_filter = ["compact"]
    search_fields = ["name"]
    readonly_fields = ["consent_given_on", "consent_method", "consent_recorded_by", "consent_withdrawn_on"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Appointment)
class AppointmentAdmin(SimpleHistoryAdmin):
    list_display = ["representative", "board", "role", "method", "start_date", "end_date"]
    list_filter = ["board", "method"]
    raw_id_fields = ["representative"]
