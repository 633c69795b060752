from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import (
    BmeDefinition,
    BoardDeclaration,
    Compact,
    EthnicGroup,
    LocalAuthorityArea,
    Membership,
    MembershipStatus,
    Organisation,
    ServiceArea,
    Signatory,
    SteeringGroupMember,
)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sector", "org_id", "verified", "created_at"]
    list_filter = ["sector", "verified", "faith_based", "refugee_focus", "works_nationally", "areas"]
    search_fields = ["name", "org_id", "charity_number", "company_number"]
    readonly_fields = ["org_id", "verified_at", "verified_by"]
    filter_horizontal = ["communities_served", "service_areas", "areas"]
    actions = ["verify"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description="Verify the selected organisations")
    def verify(self, request, queryset):
        # Through the service, one by one, so each change is in the history and the members are told.
        count = 0
        for organisation in queryset.filter(verified=False):
            services.organisation_verify(organisation=organisation, verified_by=request.user)
            count += 1
        self.message_user(request, f"{count} organisations verified.")


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role", "status", "requested_at"]
    list_filter = ["status", "role", "organisation__sector"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    actions = ["approve"]

    @admin.action(description="Approve the selected membership requests")
    def approve(self, request, queryset):
        count = 0
        for membership in queryset.filter(status=MembershipStatus.REQUESTED):
            try:
                services.membership_decide(membership=membership, decided_by=request.user, approve=True)
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(request, f"{membership}: {exc}", level=messages.WARNING)
            else:
                count += 1
        self.message_user(request, f"{count} memberships approved.")


@admin.register(BoardDeclaration)
class BoardDeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "board_type", "effective_date", "members", "bme_members", "undisclosed_members"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation", "declared_by"]
    readonly_fields = ["declared_at", "stale_reminder_sent_at"]


class SignatoryInline(admin.TabularInline):
    model = Signatory
    autocomplete_fields = ["organisation"]
    extra = 0


class SteeringGroupInline(admin.TabularInline):
    model = SteeringGroupMember
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Compact)
class CompactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "area", "slug"]
    filter_horizontal = ["areas"]
    inlines = [SignatoryInline, SteeringGroupInline]


admin.site.register(EthnicGroup, list_display=["name", "high_level_group", "position"])
admin.site.register(ServiceArea, list_display=["name", "slug"])
admin.site.register(LocalAuthorityArea, list_display=["name", "code"], search_fields=["name", "code"])


@admin.register(BmeDefinition)
class BmeDefinitionAdmin(admin.ModelAdmin):
    """Read-only: definitions are data beside each Code, changed by a new file version and
    `load_bme_definitions`, so that an award's recorded rule version always means one thing."""

    list_display = ["__str__", "compact", "code_slug", "reading", "effective_from", "source_file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
