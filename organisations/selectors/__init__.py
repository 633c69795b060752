"""Reads about organisations. `bme_led_status` is the one answer to "is this organisation BME-led on
this date?" that funding, the directory, the API and the annual review all use (the directory, CSV
and API filter on `Organisation.objects.with_bme_led_status`, the same rule in SQL)."""

from .directory import (
    directory_organisations,
    mark_transition_periods,
    organisation_compact,
    organisation_for_profile,
    profile_status,
)
from .people import membership_requests_to_decide, memberships_for_user, organisations_awaiting_verification
from .reminders import REMINDER_DAYS, declarations_due_reminder
from .review import bme_led_summary
from .standing import public_bodies_with_standing, public_body_claims
from .status import (
    BmeLedStatuses,
    StatusPeriod,
    bme_led_status,
    bme_led_status_between,
    current_declaration,
    status_among,
    status_history,
)

__all__ = [
    "BmeLedStatuses",
    "REMINDER_DAYS",
    "StatusPeriod",
    "bme_led_status",
    "bme_led_status_between",
    "bme_led_summary",
    "current_declaration",
    "declarations_due_reminder",
    "directory_organisations",
    "memberships_for_user",
    "membership_requests_to_decide",
    "organisation_compact",
    "mark_transition_periods",
    "organisation_for_profile",
    "organisations_awaiting_verification",
    "profile_status",
    "public_bodies_with_standing",
    "public_body_claims",
    "status_among",
    "status_history",
]
