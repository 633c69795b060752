"""Services: boards, representatives (consent first), appointments and the overload warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from representation import services
from representation.models import Appointment, AppointmentMethod, ConsentMethod
from representation.models.boards import END_BEFORE_START
from representation.selectors import pool_figures
from tests import factories as f

from .factories import AppointmentFactory, BoardFactory, RepresentativeFactory, group

START = datetime.date(2025, 4, 1)


def messages_of(exc_info) -> list[str]:
    return exc_info.value.messages


def test_board_create_makes_a_unique_slug_and_refuses_a_duplicate_name(db):
    first = services.board_create(name="Local Strategic Partnership")
    assert first.slug == "local-strategic-partnership"
    with pytest.raises(ValidationError) as exc:
        services.board_create(name="local strategic partnership")
    assert messages_of(exc) == [services.BOARD_NAME_TAKEN]
    with pytest.raises(ValidationError) as exc:
        services.board_create(name="  ")
    assert messages_of(exc) == [services.BOARD_NAME_REQUIRED]
    assert services.board_create(name="Add").slug == "add-board"


def test_board_update_keeps_the_slug(db):
    board = services.board_create(name="Health Partnership")
    services.board_update(board=board, name="Health and Wellbeing Partnership", seats_available=4)
    board.refresh_from_db()
    assert (board.name, board.slug, board.seats_available) == (
        "Health and Wellbeing Partnership",
        "health-partnership",
        4,
    )


def _new(**overrides):
    data = {
        "compact": f.CompactFactory(name="Northshire Compact", slug="northshire"),
        "name": "Amina Yusuf",
        "recorded_by": None,
        "consent_given_on": datetime.date(2026, 1, 5),
        "consent_method": ConsentMethod.EMAIL,
    }
    return services.representative_create(**{**data, **overrides})


@pytest.mark.parametrize("missing", [{"consent_given_on": None}, {"consent_method": ""}, {"consent_method": "rumour"}])
def test_no_details_are_stored_without_consent(db, missing):
    with pytest.raises(ValidationError) as exc:
        _new(**missing)
    assert messages_of(exc) == [services.CONSENT_REQUIRED]


def test_consent_cannot_be_dated_in_the_future(db):
    with pytest.raises(ValidationError) as exc:
        _new(consent_given_on=datetime.date.today() + datetime.timedelta(days=1))
    assert messages_of(exc) == [services.CONSENT_IN_FUTURE]


def test_representative_create_records_who_recorded_consent_and_communities(db):
    recorder = f.UserFactory()
    person = _new(recorded_by=recorder, email="amina@example.org", communities=[group("black-african")])
    assert person.consent_recorded_by == recorder
    assert [g.code for g in person.communities.all()] == ["black-african"]
    assert not person.publish_name  # names are not published unless the person agrees


def test_withdrawing_consent_erases_details_ends_seats_and_keeps_history(db):
    account = f.UserFactory()
    organisation = f.OrganisationFactory()
    person = _new(
        email="amina@example.org",
        user=account,
        organisation=organisation,
        publish_name=True,
        communities=[group("black-african")],
    )
    past = AppointmentFactory(
        representative=person, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2024, 12, 31)
    )
    current = AppointmentFactory(representative=person, start_date=datetime.date(2025, 1, 1))
    AppointmentFactory(representative=person, start_date=datetime.date(2026, 9, 1))
    services.representative_withdraw_consent(representative=person, on_date=datetime.date(2026, 6, 30))
    person.refresh_from_db()
    assert (person.name, person.email, person.user, person.publish_name) == (services.WITHDRAWN_NAME, "", None, False)
    assert person.consent_withdrawn_on == datetime.date(2026, 6, 30)
    assert person.organisation == organisation
    assert not person.communities.exists()
    current.refresh_from_db()
    assert current.end_date == datetime.date(2026, 6, 30)
    assert list(Appointment.objects.filter(representative=person).order_by("start_date")) == [past, current]
    with pytest.raises(ValidationError) as exc:
        services.representative_withdraw_consent(representative=person)
    assert messages_of(exc) == [services.CONSENT_ALREADY_WITHDRAWN]
    with pytest.raises(ValidationError) as exc:
        services.representative_update(representative=person, name="Amina Yusuf")
    assert messages_of(exc) == [services.CONSENT_WITHDRAWN_NO_CHANGES]
    with pytest.raises(ValidationError) as exc:
        services.appointment_create(
            board=BoardFactory(),
            representative=person,
            role="Member",
            method=AppointmentMethod.ELECTED,
            start_date=START,
        )
    assert messages_of(exc) == [services.CONSENT_WITHDRAWN_NO_APPOINTMENT]


def _appoint(person, board=None, start=START, end=None):
    return services.appointment_create(
        board=board or BoardFactory(),
        representative=person,
        role="Member",
        method=AppointmentMethod.APPOINTED,
        start_date=start,
        end_date=end,
    )


def test_the_seat_over_the_maximum_is_allowed_but_warns(db, settings):
    settings.REPRESENTATION_MAX_SEATS = 3
    person = RepresentativeFactory(name="Busy Person")
    warnings = [_appoint(person).warning for _ in range(3)]
    assert warnings == ["", "", ""]
    fourth = _appoint(person)
    assert fourth.appointment.pk
    assert fourth.warning == services.OVERLOAD_WARNING.format(name="Busy Person", seats=4, max_seats=3)
    assert len(pool_figures(on_date=START).overloaded) == 1


def test_ended_seats_do_not_count_towards_the_warning(db, settings):
    settings.REPRESENTATION_MAX_SEATS = 1
    person = RepresentativeFactory()
    _appoint(person, start=datetime.date(2024, 1, 1), end=datetime.date(2025, 3, 31))
    assert _appoint(person).warning == ""
    assert _appoint(person).warning != ""


def test_an_appointment_cannot_end_before_it_starts(db):
    with pytest.raises(ValidationError) as exc:
        _appoint(RepresentativeFactory(), end=START - datetime.timedelta(days=1))
    assert exc.value.message_dict == {"end_date": [END_BEFORE_START]}
    appointment = _appoint(RepresentativeFactory()).appointment
    with pytest.raises(ValidationError) as exc:
        services.appointment_end(appointment=appointment, end_date=START - datetime.timedelta(days=1))
    assert exc.value.message_dict == {"end_date": [END_BEFORE_START]}


def test_the_database_also_refuses_an_end_before_the_start(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(start_date=START, end_date=START - datetime.timedelta(days=1))


def test_ending_an_appointment_on_its_start_day_is_allowed_and_it_stops_counting_after(db):
    appointment = _appoint(RepresentativeFactory()).appointment
    services.appointment_end(appointment=appointment, end_date=START)
    assert pool_figures(on_date=START).appointments == 1
    assert pool_figures(on_date=START + datetime.timedelta(days=1)).appointments == 0
    with pytest.raises(ValidationError) as exc:
        services.appointment_end(appointment=appointment, end_date=START)
    assert messages_of(exc) == [services.ALREADY_ENDED]


def test_an_appointment_of_someone_who_withdrew_consent_cannot_be_corrected(world):
    person = RepresentativeFactory(name="Ola Withdrawn")
    appointment = AppointmentFactory(representative=person, start_date=START)
    services.representative_withdraw_consent(representative=person)
    appointment.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.appointment_correct(appointment=appointment, role="Chair", method="elected", start_date=START)
    assert error.value.messages == [services.CONSENT_WITHDRAWN_NO_CORRECTION]


def test_a_correction_that_overloads_someone_is_saved_with_a_warning(world, settings):
    settings.REPRESENTATION_MAX_SEATS = 1
    person = RepresentativeFactory(name="Busy Bee")
    AppointmentFactory(representative=person, start_date=START)
    later = AppointmentFactory(representative=person, start_date=START + datetime.timedelta(days=400), end_date=None)
    result = services.appointment_correct(appointment=later, role="Member", method="appointed", start_date=START)
    assert result.appointment.start_date == START and "Busy Bee now holds 2 seats" in result.warning
