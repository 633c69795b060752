"""Pages: what each person sees, the forms, the CSV, and pinned query counts on the lists."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from representation import services
from representation.models import Appointment, Board, Representative

from .factories import AppointmentFactory, BoardFactory, RepresentativeFactory, group

TODAY = datetime.date.today()
SINCE = TODAY - datetime.timedelta(days=30)


@pytest.fixture
def setup(world, settings):
    settings.REPRESENTATION_MAX_SEATS = 2
    board = BoardFactory(
        name="Northshire Partnership Board", slug="nsp", compact=world.compact, convening_organisation=world.council
    )
    quiet = BoardFactory(name="Quiet Board", slug="quiet", compact=world.compact)
    published = RepresentativeFactory(name="Pat Published", publish_name=True, communities=[group("black-caribbean")])
    private = RepresentativeFactory(name="Una Unpublished", publish_name=False, organisation=world.other_group)
    for _ in range(3):
        AppointmentFactory(board=board, representative=private, start_date=SINCE)
    AppointmentFactory(board=board, representative=published, start_date=SINCE, role="Vice-chair")
    AppointmentFactory(
        board=quiet,
        representative=private,
        start_date=SINCE - datetime.timedelta(days=400),
        end_date=SINCE - datetime.timedelta(days=1),
    )
    world.board, world.quiet, world.published, world.private = board, quiet, published, private
    return world


def text(response) -> str:
    return response.content.decode()


def test_the_public_overview_shows_counts_but_no_unpublished_names(setup, client):
    page = text(client.get(reverse("representation:overview")))
    assert "Seats per person" in page and "2.00" in page  # 4 seats, 2 people
    assert "Quiet Board" in page  # listed as having no BME representative
    assert "Una Unpublished" not in page
    assert "People holding too many seats</h2>" not in page


def test_the_steering_group_sees_who_is_overloaded(setup, client_for):
    page = text(client_for(setup.users["steering_member"]).get(reverse("representation:overview")))
    assert "Una Unpublished</a>: 3 seats" in page


def _on(day):
    return {"on_0": day.day, "on_1": day.month, "on_2": day.year}


def test_the_overview_shows_the_pool_on_a_chosen_date(setup, client):
    # A year ago only the Quiet Board's seat was held: 1 seat, 1 person, and the other board was empty.
    year_ago = SINCE - datetime.timedelta(days=200)
    page = text(client.get(reverse("representation:overview"), _on(year_ago)))
    assert f"Figures for {year_ago.day} {year_ago:%B %Y}" in page
    assert "1.00" in page and "2.00" not in page  # seats per person


def test_a_date_that_is_not_real_is_named_and_todays_figures_are_shown(setup, client):
    page = text(client.get(reverse("representation:overview"), {"on_0": "31", "on_1": "2", "on_2": "2026"}))
    assert "There is a problem" in page and "The date must be a real date" in page
    assert f"Figures for {TODAY.day} {TODAY:%B %Y}" in page and "2.00" in page


def test_overview_queries_are_pinned(setup, client, django_assert_num_queries):
    # boards; current appointments (+ board, representative, organisation); communities; declarations;
    # the BME-led definition of the boards' Compact; the Compacts for the filter
    with django_assert_num_queries(6):
        client.get(reverse("representation:overview"))


def test_board_list_queries_are_pinned(setup, client, django_assert_num_queries):
    for _n in range(5):
        AppointmentFactory(board=BoardFactory(compact=setup.compact), start_date=SINCE)
    # count for the paginator; boards with compact, organisation and seats held; the Compacts for the filter
    with django_assert_num_queries(3):
        response = client.get(reverse("representation:board-list"))
    assert "Northshire Partnership Board" in text(response)


def test_board_page_hides_unpublished_names_from_the_public(setup, client, client_for):
    url = reverse("representation:board-detail", args=["nsp"])
    public = text(client.get(url))
    assert "Pat Published" in public and "Una Unpublished" not in public and "Name not published" in public
    assert "Add an appointment" not in public
    officer = text(client_for(setup.users["officer"]).get(url))
    assert "Una Unpublished" in officer and "Add an appointment" in officer
    # Their page is for the pool's keepers only, so the officer gets the name without a link to it.
    assert f'href="/representation/representatives/{setup.private.pk}/"' not in officer
    assert f'href="/representation/representatives/{setup.published.pk}/"' in officer
    quiet = text(client.get(reverse("representation:board-detail", args=["quiet"])))
    # Said to the board's steering group, not to the public: its seat holders are named here.
    assert "This board has no BME representative." not in quiet
    assert "This board has no BME representative." in text(
        client_for(setup.users["steering_member"]).get(reverse("representation:board-detail", args=["quiet"]))
    )
    assert "Past and future appointments" in quiet


def test_csv_masks_unpublished_names(setup, client):
    response = client.get(reverse("representation:appointments-csv"))
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:3] == ["Board", "Compact", "Representative"]
    names = {row[2] for row in rows[1:]}
    assert names == {"Pat Published", "Name not published"}
    assert len(rows) == 6


def test_officer_adds_an_appointment_and_sees_the_overload_warning(setup, client_for):
    client = client_for(setup.users["officer"])
    data = {
        "representative": setup.private.pk,
        "role": "Member",
        "method": "elected",
        "start_date_0": TODAY.day,
        "start_date_1": TODAY.month,
        "start_date_2": TODAY.year,
    }
    response = client.post(reverse("representation:appointment-create", args=["nsp"]), data, follow=True)
    page = text(response)
    assert "Appointment added: Una Unpublished, Member." in page
    assert "Una Unpublished now holds 4 seats, more than the 2 the Compact advises." in page
    assert Appointment.objects.filter(board=setup.board, representative=setup.private).count() == 4


def test_appointment_form_errors_keep_what_was_typed(setup, client_for):
    client = client_for(setup.users["officer"])
    data = {
        "representative": setup.private.pk,
        "role": "Treasurer",
        "method": "elected",
        "start_date_0": "1",
        "start_date_1": "6",
        "start_date_2": "2026",
        "end_date_0": "1",
        "end_date_1": "5",
        "end_date_2": "2026",
    }
    response = client.post(reverse("representation:appointment-create", args=["nsp"]), data)
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page and "The end date must be the same as or after the start date." in page
    assert 'value="Treasurer"' in page


def test_steering_member_adds_a_representative_only_with_consent(setup, client_for):
    client = client_for(setup.users["steering_member"])
    url = reverse("representation:representative-create")
    data = {
        "compact": setup.compact.pk,
        "name": "Rahim Uddin",
        "email": "rahim@example.org",
        "communities": [group("asian-bangladeshi").pk],
    }
    page = text(client.post(url, data))
    assert "There is a problem" in page and "Enter the date they gave consent" in page
    assert 'value="Rahim Uddin"' in page
    assert not Representative.objects.filter(name="Rahim Uddin").exists()
    data |= {
        "consent_given_on_0": "5",
        "consent_given_on_1": "1",
        "consent_given_on_2": "2026",
        "consent_method": "email",
    }
    response = client.post(url, data, follow=True)
    assert "Representative added: Rahim Uddin." in text(response)
    person = Representative.objects.get(name="Rahim Uddin")
    assert person.consent_recorded_by == setup.users["steering_member"]


def test_unknown_account_email_is_an_error(setup, client_for):
    client = client_for(setup.users["steering_member"])
    url = reverse("representation:representative-edit", args=[setup.published.pk])
    page = text(client.post(url, {"name": "Pat Published", "account_email": "nobody@example.net"}))
    assert "No portal account uses this email address." in page


def test_ending_an_appointment_asks_first_then_ends_it(setup, client_for):
    client = client_for(setup.users["officer"])
    appointment = Appointment.objects.get(representative=setup.published)
    url = reverse("representation:appointment-end", args=[appointment.pk])
    assert "End Pat Published&#x27;s appointment as Vice-chair" in text(client.get(url))
    data = {"end_date_0": TODAY.day, "end_date_1": TODAY.month, "end_date_2": TODAY.year}
    response = client.post(url, data, follow=True)
    assert "The appointment has been ended." in text(response)
    appointment.refresh_from_db()
    assert appointment.end_date == TODAY


def test_correcting_an_appointment_keeps_the_person_and_checks_the_dates(setup, client_for):
    client = client_for(setup.users["officer"])
    appointment = Appointment.objects.get(representative=setup.published)
    url = reverse("representation:appointment-correct", args=[appointment.pk])
    board_page = text(client.get(reverse("representation:board-detail", args=[setup.board.slug])))
    assert url in board_page
    form = text(client.get(url))
    assert "Correct Pat Published&#x27;s appointment" in form and 'value="Vice-chair"' in form
    assert 'name="representative"' not in form  # a different person is a different appointment
    start = SINCE - datetime.timedelta(days=10)
    data = {
        "role": "Chair",
        "method": "elected",
        "start_date_0": start.day,
        "start_date_1": start.month,
        "start_date_2": start.year,
        "end_date_0": "1",
        "end_date_1": "1",
        "end_date_2": str(start.year - 1),
    }
    page = text(client.post(url, data))
    assert "There is a problem" in page and "The end date must be the same as or after the start date." in page
    appointment.refresh_from_db()
    assert appointment.role == "Vice-chair"  # nothing changed
    data.update({"end_date_0": "", "end_date_1": "", "end_date_2": ""})
    response = client.post(url, data, follow=True)
    assert "The appointment has been corrected." in text(response)
    appointment.refresh_from_db()
    assert (appointment.role, appointment.method, appointment.start_date, appointment.end_date) == (
        "Chair",
        "elected",
        start,
        None,
    )
    assert appointment.representative == setup.published


def test_withdrawing_consent_through_the_page(setup, client_for):
    client = client_for(setup.users["steering_member"])
    url = reverse("representation:representative-withdraw", args=[setup.published.pk])
    assert "Has Pat Published withdrawn consent?" in text(client.get(url))
    response = client.post(url, follow=True)
    assert "Consent withdrawn. Their details have been removed." in text(response)
    setup.published.refresh_from_db()
    assert setup.published.name == services.WITHDRAWN_NAME
    # Its page is no longer public: nothing about the person is published after withdrawal.
    from django.test import Client

    assert Client().get(reverse("representation:representative-detail", args=[setup.published.pk])).status_code == 404


def test_steering_member_adds_and_edits_a_board(setup, client_for):
    client = client_for(setup.users["steering_member"])
    response = client.post(
        reverse("representation:board-create"),
        {"name": "Safer Communities Partnership", "compact": setup.compact.pk},
        follow=True,
    )
    assert "Board added: Safer Communities Partnership." in text(response)
    board = Board.objects.get(name="Safer Communities Partnership")
    assert board.compact == setup.compact
    response = client.post(
        reverse("representation:board-edit", args=[board.slug]),
        {"name": "Northshire Partnership Board", "compact": setup.compact.pk},
    )
    assert "There is already a board with this name." in text(response)


def test_steering_member_cannot_put_a_board_in_a_compact_they_do_not_steer(setup, client_for):
    from tests import factories as f

    elsewhere = f.CompactFactory()
    client = client_for(setup.users["steering_member"])
    response = client.post(reverse("representation:board-create"), {"name": "Elsewhere Board", "compact": elsewhere.pk})
    assert response.status_code == 200 and "There is a problem" in text(response)
    assert not Board.objects.filter(name="Elsewhere Board").exists()


def test_the_overload_rule_reads_the_same_when_appointing_on_the_overview_and_on_the_persons_page(setup, client_for):
    # One rule (selectors.is_overloaded, here more than 2 seats at once) behind all three.
    officer, steering = client_for(setup.users["officer"]), client_for(setup.users["steering_member"])
    detail = reverse("representation:representative-detail", args=[setup.published.pk])
    seat = {
        "representative": setup.published.pk,
        "role": "Member",
        "method": "elected",
        "start_date_0": TODAY.day,
        "start_date_1": TODAY.month,
        "start_date_2": TODAY.year,
    }
    second = text(officer.post(reverse("representation:appointment-create", args=["nsp"]), seat, follow=True))
    assert "the Compact advises" not in second  # 2 seats: at the maximum, not over it
    assert "Pat Published</a>:" not in text(steering.get(reverse("representation:overview")))
    assert "more than the 2 the Compact advises" not in text(steering.get(detail))

    third = text(officer.post(reverse("representation:appointment-create", args=["nsp"]), seat, follow=True))
    assert "Pat Published now holds 3 seats, more than the 2 the Compact advises." in third
    assert "Pat Published</a>: 3 seats" in text(steering.get(reverse("representation:overview")))
    assert "Holds 3 seats today, more than the 2 the Compact advises." in text(steering.get(detail))
