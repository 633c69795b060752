"""The one answer to "is this organisation BME-led on this date?", and how that changed over time."""

from dataclasses import dataclass
from datetime import date, timedelta

from ..bme_led import (
    BmeLedResult,
    BmeRule,
    assess_board,
    last_current_date,
    no_current_declaration,
    oldest_current_effective_date,
)
from ..models import BoardDeclaration, Organisation


def current_declaration(
    *, organisation: Organisation, on_date: date, definition: BmeRule | None = None
) -> BoardDeclaration | None:
    """The latest declaration effective on or before `on_date` and at most 12 months old then, of a
    board type the definition counts."""
    declarations = BoardDeclaration.objects.filter(
        organisation=organisation,
        effective_date__lte=on_date,
        effective_date__gte=oldest_current_effective_date(on_date),
    )
    if definition is not None:
        declarations = declarations.filter(board_type__in=definition.boards)
    return declarations.order_by("-effective_date", "-declared_at", "-pk").first()


def assess_declaration(declaration: BoardDeclaration, definition: BmeRule | None = None) -> BmeLedResult:
    return assess_board(
        members=declaration.members,
        bme_members=declaration.bme_members,
        undisclosed_members=declaration.undisclosed_members,
        definition=definition,
        effective_date=declaration.effective_date,
        declaration_id=declaration.pk,
    )


def status_among(declarations, *, on_date: date, definition: BmeRule | None = None) -> BmeLedResult:
    """The status on `on_date` from declarations already fetched, newest first (ordered as
    current_declaration orders them): for callers that assess many organisations from one query."""
    oldest = oldest_current_effective_date(on_date)
    boards = definition.boards if definition is not None else None
    declaration = next(
        (
            d
            for d in declarations
            if oldest <= d.effective_date <= on_date and (boards is None or d.board_type in boards)
        ),
        None,
    )
    if declaration is None:
        return no_current_declaration(definition=definition)
    return assess_declaration(declaration, definition)


def bme_led_status(*, organisation: Organisation, on_date: date, definition: BmeRule | None = None) -> BmeLedResult:
    """The organisation's status under `definition` (a Compact's rule; the portal default when None)."""
    declaration = current_declaration(organisation=organisation, on_date=on_date, definition=definition)
    if declaration is None:
        return no_current_declaration(definition=definition)
    return assess_declaration(declaration, definition)


@dataclass(frozen=True)
class StatusPeriod:
    """A stretch of days with one status. `declaration` is None for a gap with no current one."""

    start: date
    end: date | None  # None: still running on the day asked about, with no end in sight
    result: BmeLedResult
    declaration: BoardDeclaration | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def status_history(
    *, organisation: Organisation, on_date: date, declarations=None, definition: BmeRule | None = None
) -> list[StatusPeriod]:
    """How the organisation's status changed up to `on_date`, newest period first.

    1. Take the declarations effective on or before `on_date`; of several on one day the one
       declared last wins (as in `current_declaration`).
    2. Each counts from its effective date until the next one takes over or it goes stale.
    3. Stale stretches before the next declaration (or up to `on_date`) are "no current declaration".
    For every day covered, the period's result is what `bme_led_status` answers for that day.
    `declarations` may be passed when the caller has already loaded them (any order).
    """
    if declarations is None:
        declarations = BoardDeclaration.objects.filter(organisation=organisation)
    ordered = sorted(
        (d for d in declarations if d.effective_date <= on_date),
        key=lambda d: (d.effective_date, d.declared_at, d.pk),
    )
    winners = [
        d for i, d in enumerate(ordered) if i + 1 == len(ordered) or ordered[i + 1].effective_date != d.effective_date
    ]
    periods = []
    for i, declaration in enumerate(winners):
        stale_after = last_current_date(declaration.effective_date)
        following = winners[i + 1].effective_date if i + 1 < len(winners) else None
        end = stale_after if following is None else min(stale_after, following - timedelta(days=1))
        periods.append(
            StatusPeriod(declaration.effective_date, end, assess_declaration(declaration, definition), declaration)
        )
        gap_end = on_date if following is None else following - timedelta(days=1)
        if stale_after < gap_end:
            gap_start = stale_after + timedelta(days=1)
            periods.append(
                StatusPeriod(
                    gap_start, None if following is None else gap_end, no_current_declaration(definition=definition)
                )
            )
    return periods[::-1]
