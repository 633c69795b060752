"""Representation in figures, for the annual review (reviews app). Published, so it names no one."""

from datetime import date

from .selectors import pool_figures


def representation_for_review(*, compact, on_date: date) -> dict:
    """The pool on `on_date` over boards whose Compact is `compact` or that have none. JSON-serialisable.

    Shape::

        {"on_date": "2026-03-31", "max_seats": 3,
         "boards": [{"name": "Local Strategic Partnership Board", "seats_held": 4, "bme_representatives": 2}],
         "distinct_representatives": 6, "appointments": 9,
         "seats_per_person": "1.50",                 # 2 decimal places, "0.00" when nobody holds a seat
         "bme_representatives": 4,                   # distinct BME representatives holding a seat
         "boards_without_bme_representative": ["Health Partnership"],
         "overloaded_representatives": 1}            # people holding more than max_seats seats

    Boards are in name order; a board with no seats held is listed with zeros and counts as having
    no BME representative.
    """
    figures = pool_figures(on_date=on_date, compact=compact)
    return {
        "on_date": on_date.isoformat(),
        "max_seats": figures.max_seats,
        "boards": [
            {"name": b.board.name, "seats_held": b.seats_held, "bme_representatives": b.bme_representatives}
            for b in figures.boards
        ],
        "distinct_representatives": figures.distinct_representatives,
        "appointments": figures.appointments,
        "seats_per_person": figures.seats_per_person_text,
        "bme_representatives": figures.bme_representatives,
        "boards_without_bme_representative": [board.name for board in figures.boards_without_bme_representative],
        "overloaded_representatives": len(figures.overloaded),
    }
