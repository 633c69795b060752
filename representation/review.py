"""TEMPORARY stand-in (reviews-report): the representation engineer owns this module; the lead keeps
theirs at merge. Returns correctly shaped empty data so the annual review can be built."""

from datetime import date


def representation_for_review(*, compact, on_date: date) -> dict:
    return {
        "on_date": on_date.isoformat(),
        "max_seats": 0,
        "boards": [],
        "distinct_representatives": 0,
        "appointments": 0,
        "seats_per_person": "0.00",
        "bme_representatives": 0,
        "boards_without_bme_representative": [],
        "overloaded_representatives": 0,
    }
