"""Who counts as a BME representative. Written once here; every figure and page asks this function.

"BME-led" is the test of the Compact the seat belongs to: its board's Compact, else the Compact
whose figures are being counted, else the Compact whose steering group keeps the person in its pool
(`seat_compact_id`); the portal default only when none of these is known.
"""

from datetime import date

from organisations.bme_definitions import rule_for
from organisations.bme_led import BmeRule
from organisations.selectors import bme_led_status, status_among


def _organisation_is_bme_led(organisation, on_date: date, definition: BmeRule | None) -> bool:
    # Callers that assess many people prefetch the organisations' declarations, newest first
    # (selectors.current_appointments); then no query is needed here.
    cache = getattr(organisation, "_prefetched_objects_cache", {})
    if "board_declarations" in cache:
        return status_among(organisation.board_declarations.all(), on_date=on_date, definition=definition).is_bme_led
    return bme_led_status(organisation=organisation, on_date=on_date, definition=definition).is_bme_led


def is_bme_representative(representative, *, on_date: date, definition: BmeRule | None = None) -> bool:
    """True when, on `on_date`, the organisation the person comes from is BME-led under `definition`
    (the rule of the seat's Compact: `seat_compact_id` and `rule_for`; the portal default when None)
    or they represent at least one community other than White British."""
    if any(group.is_minority for group in representative.communities.all()):
        return True
    organisation = representative.organisation
    return organisation is not None and _organisation_is_bme_led(organisation, on_date, definition)


def seat_compact_id(appointment, *, compact=None) -> int | None:
    """The Compact whose BME-led rule judges the person in this seat: the board's Compact, else the
    Compact being counted (`compact`), else the one whose pool the person is in."""
    if appointment.board.compact_id is not None:
        return appointment.board.compact_id
    if compact is not None:
        return compact.pk
    return appointment.representative.compact_id


class SeatRules:
    """Each Compact's rule on `on_date`, looked up once per Compact (one query each)."""

    def __init__(self, on_date: date):
        self.on_date = on_date
        self._rules: dict[int | None, BmeRule | None] = {None: None}

    def __call__(self, compact_id: int | None) -> BmeRule | None:
        if compact_id not in self._rules:
            self._rules[compact_id] = rule_for(compact_id, self.on_date)
        return self._rules[compact_id]
