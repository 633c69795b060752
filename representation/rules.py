"""Who counts as a BME representative. Written once here; every figure and page asks this function."""

from datetime import date

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
    """True when, on `on_date`, the organisation the person comes from is BME-led (under `definition`,
    the Compact's BME-led rule; the portal default when None) or they represent at least one
    community other than White British."""
    if any(group.is_minority for group in representative.communities.all()):
        return True
    organisation = representative.organisation
    return organisation is not None and _organisation_is_bme_led(organisation, on_date, definition)
