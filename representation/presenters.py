"""How a representative is named to the person looking, and how the pool's figures are published
(disclosure control, common.disclosure: no BME count beside named people, small counts withheld)."""

from common.disclosure import NOT_BESIDE_NAMES, Shown, disclose, disclose_count

from .permissions import can_see_name, can_view_representative, keeps_pool_of
from .services import WITHDRAWN_NAME

NOT_PUBLISHED = "Name not published"


def shown_name(user, representative, board=None) -> str:
    if representative.consent_withdrawn:
        return WITHDRAWN_NAME
    return representative.name if can_see_name(user, representative, board) else NOT_PUBLISHED


def shown_organisation(user, representative, board=None):
    """The organisation they come from, only where their name is shown too (or to their pool's
    keepers): "Name not published" beside a small group's name would point at the person, and a
    community group's name often says their ethnicity."""
    if can_see_name(user, representative, board) or keeps_pool_of(user, representative):
        return representative.organisation
    return None


def appointment_rows(user, appointments, *, board=None, on_date) -> list[dict]:
    return [
        {
            "appointment": a,
            "name": shown_name(user, a.representative, board or a.board),
            "name_shown": can_see_name(user, a.representative, board or a.board),
            "organisation": shown_organisation(user, a.representative, board or a.board),
            "current": a.is_current_on(on_date),
            # A link only where the person's page would open for this viewer.
            "linked": can_view_representative(user, a.representative),
        }
        for a in appointments
    ]


def board_bme_figure(board_figures, *, names_shown: bool) -> Shown:
    """A board's BME representatives for its page: never beside named seat holders."""
    if names_shown:
        return Shown(None, NOT_BESIDE_NAMES)
    return disclose_count(board_figures.bme_representatives, whole=board_figures.people)


def published_pool_figures(figures) -> dict:
    """The overview's BME figures as published: the total (a part of the people holding seats) and
    one per board (each a part of that board's people), with secondary suppression."""
    counts = {row.board.pk: row.bme_representatives for row in figures.boards}
    wholes = {row.board.pk: row.people for row in figures.boards}
    per_board, _ = disclose(counts, wholes=wholes, total=figures.bme_representatives)
    total = disclose_count(figures.bme_representatives, whole=figures.distinct_representatives)
    if total.withheld:
        # With the total withheld, the board cells cannot be subtracted from it.
        per_board, _ = disclose(counts, wholes=wholes)
    # "0 boards with no BME representative" beside one board whose one seat holder is named says that
    # person is of BME origin: the count is a part of the boards, disclosed by the same rule.
    boards_without = disclose_count(len(figures.boards_without_bme_representative), whole=len(figures.boards))
    return {
        "bme_total": total,
        "per_board": [(row, per_board[row.board.pk]) for row in figures.boards],
        "boards_without": boards_without,
    }
