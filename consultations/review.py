"""TEMPORARY stand-in (reviews-report): the consultations engineer owns this module; the lead keeps
theirs at merge. Returns correctly shaped empty data so the annual review can be built."""

from datetime import date


def consultations_for_review(*, compact, start: date, end: date) -> dict:
    return {
        "consultations": [],
        "totals": {
            key: 0
            for key in (
                "consultations", "shorter_than_12_weeks", "comments", "responded", "pending", "invited",
                "invited_bme_led", "responding_organisations", "responding_bme_led", "responses_published",
                "responses_published_on_time", "responses_overdue",
            )
        },
        "dispositions": [],
    }
