"""Every write to boards, representatives and appointments."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Appointment, AppointmentMethod, Board, ConsentMethod, Representative
from .models.boards import END_BEFORE_START
from .selectors import is_overloaded, seats_held_on

BOARD_NAME_REQUIRED = "Enter the board's name."
BOARD_NAME_TAKEN = "There is already a board with this name."
NAME_REQUIRED = "Enter the representative's name."
CONSENT_REQUIRED = (
    "Record when and how the person agreed to us holding their details. Without consent we cannot store them."
)
CONSENT_IN_FUTURE = "The date consent was given cannot be in the future."
CONSENT_ALREADY_WITHDRAWN = "This person has already withdrawn consent."
CONSENT_WITHDRAWN_NO_CHANGES = "This person has withdrawn consent: their details cannot be changed or used again."
CONSENT_WITHDRAWN_NO_APPOINTMENT = "This person has withdrawn consent, so they cannot be given a new seat."
POOL_REQUIRED = "Choose the Compact whose pool they are in."
OTHER_COMPACTS_POOL = "{name} is in another Compact's pool: choose someone from {compact}'s pool."
WITHDRAWN_NAME = "Withdrawn consent"
ALREADY_ENDED = "This appointment has already ended."
CONSENT_WITHDRAWN_NO_CORRECTION = "This person has withdrawn consent: the appointment is kept as it was when they did."
OVERLOAD_WARNING = (
    "{name} now holds {seats} seats, more than the {max_seats} the Compact advises. "
    "Consider drawing on a wider pool of representatives."
)


def _unique_slug(name: str, *, exclude_pk=None) -> str:
    base = slugify(name)[:100] or "board"
    if base == "add":  # /representation/boards/add/ is the form for a new board
        base = "add-board"
    slug, n = base, 2
    while Board.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_board_name(name: str, *, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": BOARD_NAME_REQUIRED})
    if Board.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": BOARD_NAME_TAKEN})
    return name


@transaction.atomic
def board_create(
    *, name: str, description: str = "", compact=None, convening_organisation=None, seats_available: int | None = None
) -> Board:
    name = _check_board_name(name)
    return Board.objects.create(
        name=name,
        slug=_unique_slug(name),
        description=description,
        compact=compact,
        convening_organisation=convening_organisation,
        seats_available=seats_available,
    )


@transaction.atomic
def board_update(
    *,
    board: Board,
    name: str,
    description: str = "",
    compact=None,
    convening_organisation=None,
    seats_available: int | None = None,
) -> Board:
    # The slug stays as it was, so links to the board keep working after a rename.
    board.name = _check_board_name(name, exclude_pk=board.pk)
    board.description = description
    board.compact = compact
    board.convening_organisation = convening_organisation
    board.seats_available = seats_available
    board.save()
    return board


def _check_consent(consent_given_on: date | None, consent_method: str | None) -> tuple[date, str]:
    if not consent_given_on or not consent_method or consent_method not in ConsentMethod.values:
        raise ValidationError({"consent_given_on": CONSENT_REQUIRED})
    if consent_given_on > timezone.localdate():
        raise ValidationError({"consent_given_on": CONSENT_IN_FUTURE})
    return consent_given_on, consent_method


@transaction.atomic
def representative_create(
    *,
    compact,
    name: str,
    recorded_by,
    consent_given_on: date | None,
    consent_method: str | None,
    email: str = "",
    user=None,
    organisation=None,
    communities=(),
    publish_name: bool = False,
) -> Representative:
    """Consent comes first: nothing about the person is stored without a record of it."""
    consent_given_on, consent_method = _check_consent(consent_given_on, consent_method)
    if compact is None:
        raise ValidationError({"compact": POOL_REQUIRED})
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": NAME_REQUIRED})
    representative = Representative.objects.create(
        compact=compact,
        name=name,
        email=email.strip(),
        user=user,
        organisation=organisation,
        publish_name=publish_name,
        consent_given_on=consent_given_on,
        consent_method=consent_method,
        consent_recorded_by=recorded_by,
    )
    representative.communities.set(communities)
    return representative


@transaction.atomic
def representative_update(
    *,
    representative: Representative,
    name: str,
    compact=None,
    email: str = "",
    user=None,
    organisation=None,
    communities=(),
    publish_name: bool = False,
) -> Representative:
    if representative.consent_withdrawn:
        raise ValidationError(CONSENT_WITHDRAWN_NO_CHANGES)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": NAME_REQUIRED})
    representative.name = name
    if compact is not None:
        representative.compact = compact
    representative.email = email.strip()
    representative.user = user
    representative.organisation = organisation
    representative.publish_name = publish_name
    representative.save()
    representative.communities.set(communities)
    return representative


@transaction.atomic
def representative_withdraw_consent(*, representative: Representative, on_date: date | None = None) -> Representative:
    """The person no longer agrees to us holding their details.

    We erase what identifies them (name, email, link to their account, the communities they
    represent, which can reveal ethnic origin, special category data under UK GDPR Article 9) and
    stop publishing anything about them. We keep the appointments, with no name attached: which
    seats on which boards were filled, by whom as an organisation, and when, is a record about the
    boards that the Compact needs for its pool figures, not about the person. Any seat still held
    is ended on the day consent is withdrawn, because we can no longer contact them about it.
    Their organisation stays, so past figures still count them as a BME representative where their
    organisation was BME-led; where only the communities made them one, past figures drop them.
    """
    if representative.consent_withdrawn:
        raise ValidationError(CONSENT_ALREADY_WITHDRAWN)
    on_date = on_date or timezone.localdate()
    for appointment in representative.appointments.current_on(on_date):
        appointment.end_date = on_date
        appointment.save(update_fields=["end_date"])
    # Seats that had not started yet are cancelled outright: they never happened.
    representative.appointments.filter(start_date__gt=on_date).delete()
    representative.name = WITHDRAWN_NAME
    representative.email = ""
    representative.user = None
    representative.publish_name = False
    representative.consent_withdrawn_on = on_date
    representative.save()
    representative.communities.clear()
    return representative


@dataclass(frozen=True)
class AppointmentResult:
    appointment: Appointment
    warning: str = ""  # set when the person now holds more seats than settings.REPRESENTATION_MAX_SEATS


def _check_appointment(method: str, start_date: date, end_date: date | None) -> None:
    if method not in AppointmentMethod.values:
        raise ValidationError({"method": "Choose whether they were elected or appointed."})
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": END_BEFORE_START})


def _overload_warning(representative: Representative, on_date: date) -> str:
    # Overload is judged on the day the seat starts: everything held then, this seat included.
    seats = seats_held_on(representative=representative, on_date=on_date)
    if is_overloaded(seats):
        return OVERLOAD_WARNING.format(
            name=representative.name, seats=seats, max_seats=settings.REPRESENTATION_MAX_SEATS
        )
    return ""


@transaction.atomic
def appointment_create(
    *,
    board: Board,
    representative: Representative,
    role: str,
    method: str,
    start_date: date,
    end_date: date | None = None,
) -> AppointmentResult:
    """Give a representative a seat. Overloading someone is allowed (boards sometimes have no one
    else) but the result carries a warning the page shows."""
    if representative.consent_withdrawn:
        raise ValidationError({"representative": CONSENT_WITHDRAWN_NO_APPOINTMENT})
    if board.compact_id is not None and representative.compact_id != board.compact_id and board.compact is not None:
        raise ValidationError(
            {"representative": OTHER_COMPACTS_POOL.format(name=representative.name, compact=board.compact.name)}
        )
    _check_appointment(method, start_date, end_date)
    appointment = Appointment.objects.create(
        board=board,
        representative=representative,
        role=(role or "").strip() or "Member",
        method=method,
        start_date=start_date,
        end_date=end_date,
    )
    return AppointmentResult(appointment=appointment, warning=_overload_warning(representative, start_date))


@transaction.atomic
def appointment_correct(
    *, appointment: Appointment, role: str, method: str, start_date: date, end_date: date | None = None
) -> AppointmentResult:
    """Put right a seat recorded wrongly (role, how they got it, its dates). Who holds it and on which
    board stay: a different person or board is a different appointment."""
    if appointment.representative.consent_withdrawn:
        raise ValidationError(CONSENT_WITHDRAWN_NO_CORRECTION)
    _check_appointment(method, start_date, end_date)
    appointment.role = (role or "").strip() or "Member"
    appointment.method, appointment.start_date, appointment.end_date = method, start_date, end_date
    appointment.save(update_fields=["role", "method", "start_date", "end_date"])
    return AppointmentResult(appointment=appointment, warning=_overload_warning(appointment.representative, start_date))


@transaction.atomic
def appointment_end(*, appointment: Appointment, end_date: date) -> Appointment:
    if appointment.end_date is not None and appointment.end_date < timezone.localdate():
        raise ValidationError(ALREADY_ENDED)
    if end_date < appointment.start_date:
        raise ValidationError({"end_date": END_BEFORE_START})
    appointment.end_date = end_date
    appointment.save(update_fields=["end_date"])
    return appointment
