from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Application, Award, FundingProgramme, JointReview, Redistribution


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "funder", "kind", "ring_fenced", "opens_on", "closes_on"]
    list_filter = ["kind", "ring_fenced"]
    search_fields = ["title", "funder__name"]
    raw_id_fields = ["funder", "created_by"]


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = ["project_title", "applicant", "programme", "submitted_on", "bme_led_outcome", "status"]
    list_filter = ["status", "bme_led_outcome"]
    search_fields = ["project_title", "applicant__name"]
    raw_id_fields = ["programme", "applicant", "submitted_by", "decided_by"]


@admin.register(Award)
class AwardAdmin(SimpleHistoryAdmin):
    list_display = ["identifier", "title", "recipient", "funder", "amount", "award_date", "status", "source"]
    list_filter = ["status", "source", "recipient_bme_led_outcome"]
    search_fields = ["identifier", "title", "recipient__name"]
    raw_id_fields = ["recipient", "funder", "programme", "application", "created_by"]


@admin.register(JointReview)
class JointReviewAdmin(SimpleHistoryAdmin):
    list_display = ["award", "held_on", "completed_on"]
    raw_id_fields = ["award", "completed_by"]


@admin.register(Redistribution)
class RedistributionAdmin(SimpleHistoryAdmin):
    list_display = ["award", "alternative", "amount", "completed_on"]
    raw_id_fields = ["award", "alternative", "completed_by"]
