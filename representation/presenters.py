"""How a representative is named to the person looking."""

from .permissions import can_see_name, can_view_representative
from .services import WITHDRAWN_NAME

NOT_PUBLISHED = "Name not published"


def shown_name(user, representative, board=None) -> str:
    if representative.consent_withdrawn:
        return WITHDRAWN_NAME
    return representative.name if can_see_name(user, representative, board) else NOT_PUBLISHED


def appointment_rows(user, appointments, *, board=None, on_date) -> list[dict]:
    return [
        {
            "appointment": a,
            "name": shown_name(user, a.representative, board or a.board),
            "organisation": a.representative.organisation,
            "current": a.is_current_on(on_date),
            # A link only where the person's page would open for this viewer.
            "linked": can_view_representative(user, a.representative),
        }
        for a in appointments
    ]
