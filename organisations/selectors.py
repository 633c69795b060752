"""Reads about organisations. `bme_led_status` is the one answer to "is this organisation BME-led on
this date?" that funding, the directory, the API and the annual review all use."""

from datetime import date

from .bme_led import BmeLedResult, assess_board, no_current_declaration, oldest_current_effective_date
from .models import BoardDeclaration, Organisation


def current_declaration(*, organisation: Organisation, on_date: date) -> BoardDeclaration | None:
    """The latest declaration effective on or before `on_date` and at most 12 months old then."""
    return (
        BoardDeclaration.objects.filter(
            organisation=organisation,
            effective_date__lte=on_date,
            effective_date__gte=oldest_current_effective_date(on_date),
        )
        .order_by("-effective_date", "-declared_at", "-pk")
        .first()
    )


def bme_led_status(*, organisation: Organisation, on_date: date) -> BmeLedResult:
    declaration = current_declaration(organisation=organisation, on_date=on_date)
    if declaration is None:
        return no_current_declaration()
    return assess_board(
        members=declaration.members,
        bme_members=declaration.bme_members,
        undisclosed_members=declaration.undisclosed_members,
        effective_date=declaration.effective_date,
        declaration_id=declaration.pk,
    )
