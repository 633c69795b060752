"""The one answer to "is this organisation BME-led on this date?", and how that changed over time."""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..bme_definitions import rule_between
from ..bme_led import (
    BmeLedResult,
    BmeRule,
    assess_board,
    default_rule,
    in_transition,
    last_current_date,
    no_current_declaration,
    oldest_current_effective_date,
    transition_until,
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


def _winners(declarations, *, on_date: date, definition: BmeRule | None) -> list[BoardDeclaration]:
    """Declarations effective on or before `on_date` of a board type the definition counts, oldest
    first, one a day: of several on one day the one declared last (as in `current_declaration`)."""
    boards = definition.boards if definition is not None else None
    ordered = sorted(
        (d for d in declarations if d.effective_date <= on_date and (boards is None or d.board_type in boards)),
        key=lambda d: (d.effective_date, d.declared_at, d.pk),
    )
    return [
        d for i, d in enumerate(ordered) if i + 1 == len(ordered) or ordered[i + 1].effective_date != d.effective_date
    ]


def _counted_until(winners: list[BoardDeclaration], i: int) -> date:
    """The last day winners[i] counts: until it goes stale or the next declaration takes over."""
    stale_after = last_current_date(winners[i].effective_date)
    if i + 1 < len(winners):
        return min(stale_after, winners[i + 1].effective_date - timedelta(days=1))
    return stale_after


def _with_transition(result: BmeLedResult, declarations, *, on_date: date, definition: BmeRule | None) -> BmeLedResult:
    """`result`, or the organisation's last BME-led outcome while the rule's transition period runs."""
    if definition is None or not definition.transition_months or result.is_bme_led:
        return result
    winners = _winners(declarations, on_date=on_date, definition=definition)
    for i in range(len(winners) - 1, -1, -1):
        last = assess_declaration(winners[i], definition)
        if last.is_bme_led:
            return in_transition(result, last, _counted_until(winners, i), on_date)
    return result


def status_among(declarations, *, on_date: date, definition: BmeRule | None = None) -> BmeLedResult:
    """The status on `on_date` from declarations already fetched, newest first (ordered as
    current_declaration orders them): for callers that assess many organisations from one query.
    Under a rule with a transition period, the organisation's last BME-led outcome holds for that
    period after its declaration lapses or a changed board no longer meets the rule."""
    result = _current_among(declarations, on_date=on_date, definition=definition)
    return _with_transition(result, declarations, on_date=on_date, definition=definition)


def _current_among(declarations, *, on_date: date, definition: BmeRule | None = None) -> BmeLedResult:
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
    if definition is not None and definition.transition_months:
        # The transition period looks back past the current declaration: one query for them all.
        declarations = BoardDeclaration.objects.filter(organisation=organisation, effective_date__lte=on_date)
        return status_among(declarations, on_date=on_date, definition=definition)
    declaration = current_declaration(organisation=organisation, on_date=on_date, definition=definition)
    if declaration is None:
        return no_current_declaration(definition=definition)
    return assess_declaration(declaration, definition)


def bme_led_status_between(*, funder: Organisation, organisation: Organisation, on_date: date) -> BmeLedResult:
    """The organisation's status as a funder judges it: under the rule of the Compact they share
    (`rule_between`), the portal default when they share none."""
    rule = rule_between(funder=funder, organisation=organisation, on_date=on_date)
    return bme_led_status(organisation=organisation, on_date=on_date, definition=rule)


class BmeLedStatuses:
    """Whether each of many organisations is BME-led on a day, under one rule: what `bme_led_status`
    answers for every organisation and day (a test holds them together), from one query whatever
    their number. For a review judging thousands of organisations on dozens of dates: each board is
    assessed once, and a day's answer is a search among the organisation's declarations."""

    def __init__(self, organisation_ids, *, definition: BmeRule | None = None) -> None:
        self.definition = definition
        rule = definition or default_rule()
        declarations = BoardDeclaration.objects.filter(organisation_id__in=set(organisation_ids))
        if definition is not None:
            declarations = declarations.filter(board_type__in=definition.boards)
        by_organisation = defaultdict(list)
        for row in declarations.order_by().values_list(
            "organisation_id", "effective_date", "declared_at", "pk", "members", "bme_members", "undisclosed_members"
        ):
            by_organisation[row[0]].append(row)
        # Per organisation, its winning declarations oldest first (one a day, as `_winners`): their
        # effective dates, whether each meets the rule, and the index of the last that did at each.
        self._dates: dict[int, list[date]] = {}
        self._met: dict[int, list[bool]] = {}
        self._last_met: dict[int, list[int]] = {}
        for organisation_id, rows in by_organisation.items():
            rows.sort(key=lambda r: (r[1], r[2], r[3]))
            winners = [r for i, r in enumerate(rows) if i + 1 == len(rows) or rows[i + 1][1] != r[1]]
            met = [
                assess_board(members=r[4], bme_members=r[5], undisclosed_members=r[6], definition=rule).is_bme_led
                for r in winners
            ]
            last_met, last = [], -1
            for i, is_met in enumerate(met):
                last = i if is_met else last
                last_met.append(last)
            self._dates[organisation_id] = [r[1] for r in winners]
            self._met[organisation_id] = met
            self._last_met[organisation_id] = last_met
        self._oldest: dict[date, date] = {}

    def is_bme_led(self, organisation_id: int, on_date: date) -> bool:
        dates = self._dates.get(organisation_id, [])
        i = bisect_right(dates, on_date) - 1
        if i < 0:
            return False
        if on_date not in self._oldest:
            self._oldest[on_date] = oldest_current_effective_date(on_date)
        if dates[i] >= self._oldest[on_date] and self._met[organisation_id][i]:
            return True  # its current declaration meets the rule
        j = self._last_met[organisation_id][i]
        if self.definition is None or not self.definition.transition_months or j < 0:
            return False
        # As `_counted_until` among the declarations effective by `on_date`.
        until = last_current_date(dates[j])
        if j < i:
            until = min(until, dates[j + 1] - timedelta(days=1))
        return until < on_date <= transition_until(until, self.definition)


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
    winners = _winners(declarations, on_date=on_date, definition=definition)
    periods = []
    for i, declaration in enumerate(winners):
        stale_after = last_current_date(declaration.effective_date)
        following = winners[i + 1].effective_date if i + 1 < len(winners) else None
        periods.append(
            StatusPeriod(
                declaration.effective_date,
                _counted_until(winners, i),
                assess_declaration(declaration, definition),
                declaration,
            )
        )
        gap_end = on_date if following is None else following - timedelta(days=1)
        if stale_after < gap_end:
            gap_start = stale_after + timedelta(days=1)
            periods.append(
                StatusPeriod(
                    gap_start, None if following is None else gap_end, no_current_declaration(definition=definition)
                )
            )
    if definition is not None and definition.transition_months:
        periods = _split_transitions(periods, on_date=on_date)
    return periods[::-1]


def _split_transitions(periods: list[StatusPeriod], *, on_date: date) -> list[StatusPeriod]:
    """Periods (oldest first) with the transition period after each BME-led stretch cut out of the
    periods that follow it, shown as BME-led (transition period until …)."""
    split: list[StatusPeriod] = []
    last: BmeLedResult | None = None
    last_day: date | None = None
    for period in periods:
        if period.result.is_bme_led:
            split.append(period)
            last, last_day = period.result, period.end
            continue
        until = transition_until(last_day, last.rule or default_rule()) if last and last_day else None
        if last is None or last_day is None or until is None or period.start > until:
            split.append(period)
            continue
        held = in_transition(period.result, last, last_day, period.start)
        if period.end is not None and period.end <= until:
            split.append(StatusPeriod(period.start, period.end, held, period.declaration))
        elif period.end is None and until >= on_date:
            split.append(StatusPeriod(period.start, None, held, period.declaration))
        else:
            split.append(StatusPeriod(period.start, until, held, period.declaration))
            split.append(StatusPeriod(until + timedelta(days=1), period.end, period.result, period.declaration))
    return split
