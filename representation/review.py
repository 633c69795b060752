"""What the representation app tells the annual review (§10.3): the contract between this app and
`reviews`, which reads representation only through this module and the models. Published, so it
names no one, and its counts of BME representatives go through disclosure control
(common.disclosure): the boards' seat holders are named on the public board pages.

The result is a TypedDict of plain JSON data, the shape the review's frozen dataset stores
(docs/annual-review-dataset.md): a change of key here is a change of the published dataset.
"""

from datetime import date
from typing import TypedDict

from organisations.models import Compact

from .presenters import published_pool_figures
from .selectors import pool_figures

# A count of BME representatives as published: the number, or "fewer than 5" / "withheld".
Published = int | str


class BoardSeats(TypedDict):
    name: str
    seats_held: int  # seats held by the pool's representatives on the date
    bme_representatives: Published  # of them, BME representatives (disclosure-controlled)


class RepresentationReview(TypedDict):
    """The representatives' pool on `on_date` (the period's last day, or the build day if the period
    has not ended), over boards whose Compact is this one or that have none."""

    on_date: str
    max_seats: int  # seats one representative should hold at most
    boards: list[BoardSeats]  # in name order; a board with no seats held is listed with zeros
    distinct_representatives: int  # people holding at least one seat
    appointments: int  # seats held
    seats_per_person: str  # 2 decimal places, "0.00" when nobody holds a seat
    bme_representatives: Published  # distinct BME representatives holding a seat
    boards_without_bme_representative: list[str]  # always empty: it would name boards whose people are named
    boards_without_bme_representative_count: Published  # disclosure-controlled, as bme_representatives
    overloaded_representatives: int  # people holding more than max_seats seats


def _published(shown) -> Published:
    return shown.text if shown.withheld else shown.value


def representation_for_review(*, compact: Compact, on_date: date) -> RepresentationReview:
    """The pool on `on_date` over boards whose Compact is `compact` or that have none.

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
        "boards_without_bme_representative_count": _published(published["boards_without"]),
        "overloaded_representatives": len(figures.overloaded),
    }
