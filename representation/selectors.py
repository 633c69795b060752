"""Reads for representation: current seats and the pool figures built from them (Code §5.5:
representatives drawn from a large pool, avoiding individual overload)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from organisations.bme_definitions import rule_for
from organisations.models import BoardDeclaration, EthnicGroup, Organisation

from .models import Appointment, Board, Representative
from .rules import is_bme_representative


def _declarations_newest_first():
    return BoardDeclaration.objects.order_by("-effective_date", "-declared_at", "-pk")


def boards_in_scope(*, compact=None) -> QuerySet[Board]:
    """All boards, or those of `compact` plus boards tied to no Compact whose convening organisation
    works in the Compact's areas (so a Plymouth partnership never counts in Northamptonshire)."""
    boards = Board.objects.select_related("compact", "convening_organisation")
    if compact is not None:
        local = Organisation.objects.in_compact(compact).values("pk")
        boards = boards.filter(Q(compact=compact) | Q(compact__isnull=True, convening_organisation__in=local))
    return boards.order_by("name", "pk")


def current_appointments(*, on_date: date, boards=None) -> list[Appointment]:
    """Seats held on `on_date` (on `boards` when given), with what the BME rule needs: three queries."""
    appointments = Appointment.objects.current_on(on_date)
    if boards is not None:
        appointments = appointments.filter(board__in=boards)
    return list(
        appointments.select_related("board", "representative__organisation").prefetch_related(
            Prefetch("representative__communities", queryset=EthnicGroup.objects.order_by("position")),
            Prefetch("representative__organisation__board_declarations", queryset=_declarations_newest_first()),
        )
    )


def two_places(value: Fraction) -> str:
    """An exact fraction shown to 2 decimal places, halves rounded up: 3/2 → "1.50"."""
    hundredths = (200 * value.numerator + value.denominator) // (2 * value.denominator)  # exact, no floats
    return f"{hundredths // 100}.{hundredths % 100:02d}"


@dataclass
class BoardFigures:
    board: Board
    seats_held: int = 0
    people: int = 0  # distinct people holding those seats
    bme_representatives: int = 0  # distinct people on this board who are BME representatives


@dataclass
class Overloaded:
    representative: Representative
    seats: int


@dataclass
class PoolFigures:
    on_date: date
    max_seats: int
    boards: list[BoardFigures]
    appointments: int
    distinct_representatives: int
    seats_per_person: Fraction
    bme_representatives: int
    overloaded: list[Overloaded] = field(default_factory=list)

    @property
    def seats_per_person_text(self) -> str:
        return two_places(self.seats_per_person)

    @property
    def boards_without_bme_representative(self) -> list[Board]:
        return [figures.board for figures in self.boards if figures.bme_representatives == 0]


def pool_figures(*, on_date: date, compact=None) -> PoolFigures:
    """The pool on `on_date` over the boards in scope (all, or a Compact's plus unattached ones).

    Four queries: the boards, the current seats (with representative and organisation), the
    representatives' communities and their organisations' board declarations; for a Compact, a fifth
    counts its representatives' seats on every board.
    """
    max_seats = settings.REPRESENTATION_MAX_SEATS
    # Sorted here, not by the database, so "by name" means the same on SQLite and PostgreSQL.
    boards = sorted(boards_in_scope(compact=compact), key=lambda b: (b.name.casefold(), b.name, b.pk))
    seats = current_appointments(on_date=on_date, boards=boards if compact is not None else None)
    people = {a.representative_id: a.representative for a in seats}
    # A Compact's figures judge BME-led organisations by its own rule (Northamptonshire: more than
    # half of the board; Plymouth: at least three quarters), as its BME-led figures do.
    rule = rule_for(compact, on_date) if compact is not None else None
    bme = {pk for pk, person in people.items() if is_bme_representative(person, on_date=on_date, definition=rule)}
    per_person = Counter(a.representative_id for a in seats)
    if compact is not None and people:
        # Overload is about the person (§5.5): seats on boards outside the Compact (a regional forum,
        # another Compact's board) still count towards it, though those boards are not listed here.
        per_person = Counter(
            dict(
                Appointment.objects.current_on(on_date)
                .filter(representative_id__in=people)
                .values("representative_id")
                .annotate(n=Count("pk"))
                .values_list("representative_id", "n")
            )
        )
    by_board = defaultdict(list)
    for appointment in seats:
        by_board[appointment.board_id].append(appointment)
    board_figures = [
        BoardFigures(
            board=board,
            seats_held=len(by_board[board.pk]),
            people=len({a.representative_id for a in by_board[board.pk]}),
            bme_representatives=len({a.representative_id for a in by_board[board.pk]} & bme),
        )
        for board in boards
    ]
    overloaded = sorted(
        (Overloaded(people[pk], count) for pk, count in per_person.items() if count > max_seats),
        key=lambda o: (-o.seats, o.representative.name, o.representative.pk),
    )
    return PoolFigures(
        on_date=on_date,
        max_seats=max_seats,
        boards=board_figures,
        appointments=len(seats),
        distinct_representatives=len(people),
        seats_per_person=Fraction(len(seats), len(people)) if people else Fraction(0),
        bme_representatives=len(bme),
        overloaded=overloaded,
    )


def seats_held_on(*, representative: Representative, on_date: date) -> int:
    return Appointment.objects.current_on(on_date).filter(representative=representative).count()


def board_list(*, on_date: date, compact=None) -> QuerySet[Board]:
    """Boards (of `compact` when given) with the number of seats held on `on_date`: one query."""
    current = Q(appointments__start_date__lte=on_date) & (
        Q(appointments__end_date__isnull=True) | Q(appointments__end_date__gte=on_date)
    )
    return boards_in_scope(compact=compact).annotate(seats_held=Count("appointments", filter=current))


def board_appointments(*, board: Board) -> list[Appointment]:
    return list(
        board.appointments.select_related("representative__organisation").order_by(
            "-start_date", "representative__name"
        )
    )


def representatives_for_list() -> QuerySet[Representative]:
    return (
        Representative.objects.select_related("organisation")
        .annotate(appointment_count=Count("appointments"))
        .order_by("name", "pk")
    )


def representative_appointments(*, representative: Representative) -> list[Appointment]:
    return list(representative.appointments.select_related("board").order_by("-start_date", "pk"))


def appointments_for_csv() -> QuerySet[Appointment]:
    return Appointment.objects.select_related("board", "board__compact", "representative__organisation").order_by(
        "board__name", "-start_date", "pk"
    )
