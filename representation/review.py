"""Representation in figures, for the annual review (reviews app). Published, so it names no one,
and its counts of BME representatives go through disclosure control (common.disclosure): the
boards' seat holders are named on the public board pages."""

from datetime import date

from .presenters import published_pool_figures
from .selectors import pool_figures


def _published(shown):
    return shown.text if shown.withheld else shown.value


def representation_for_review(*, compact, on_date: date) -> dict:
    """The pool on `on_date` over boards whose Compact is `compact` or that have none. JSON-serialisable.

    Shape::

        {"on_date": "2026-03-31", "max_seats": 3,
         "boards": [{"name": "Local Strategic Partnership Board", "seats_held": 9, "bme_representatives": 6}],
         "distinct_representatives": 12, "appointments": 15,
         "seats_per_person": "1.25",                 # 2 decimal places, "0.00" when nobody holds a seat
         "bme_representatives": 7,                   # distinct BME representatives holding a seat
         "boards_without_bme_representative": [],    # no longer published (it names boards whose people are named)
         "boards_without_bme_representative_count": 1,
         "overloaded_representatives": 1}            # people holding more than max_seats seats

    A count of BME representatives under settings.DISCLOSURE_THRESHOLD, or one that would reveal
    such a count, is the text "fewer than 5" or "withheld" instead of a number. Boards are in name
    order; a board with no seats held is listed with zeros and counts as having no BME representative.
    """
    figures = pool_figures(on_date=on_date, compact=compact)
    published = published_pool_figures(figures)
    return {
        "on_date": on_date.isoformat(),
        "max_seats": figures.max_seats,
        "boards": [
            {"name": b.board.name, "seats_held": b.seats_held, "bme_representatives": _published(shown)}
            for b, shown in published["per_board"]
        ],
        "distinct_representatives": figures.distinct_representatives,
        "appointments": figures.appointments,
        "seats_per_person": figures.seats_per_person_text,
        "bme_representatives": _published(published["bme_total"]),
        "boards_without_bme_representative": [],
        "boards_without_bme_representative_count": len(figures.boards_without_bme_representative),
        "overloaded_representatives": len(figures.overloaded),
    }
