"""The steering group adds a Compact's reporting periods and closes or reopens them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories as f
from undertakings import services
from undertakings.models import ReportingPeriod
from undertakings.services.periods import DUE_BEFORE_START, PERIOD_EXISTS
from undertakings.services.returns import PERIOD_CLOSED
from undertakings.views.periods import CLOSE_EXPLANATION, next_start_year

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


def add_url(compact):
    return reverse("undertakings:period-add", args=[compact.slug])


def period_data(start_year, due: datetime.date, is_open=True) -> dict:
    data = {
        "start_year": str(start_year),
        "returns_due_0": due.day,
        "returns_due_1": due.month,
        "returns_due_2": due.year,
    }
    if is_open:
        data["is_open"] = "on"
    return data


# --- Adding a period ----------------------------------------------------------------------------


def test_the_form_suggests_the_year_after_the_latest_period_and_30_june_after_it_ends(world, client_for, steering):
    page = text_of(client_for(steering).get(add_url(world.compact)))
    # world.period is 2025-26, so the next is 2026-27, due 30 June 2027.
    assert 'name="start_year" value="2026"' in page
    assert 'name="returns_due_0" value="30"' in page and 'name="returns_due_1" value="6"' in page
    assert 'name="returns_due_2" value="2027"' in page
    assert 'name="is_open"' in page and "checked" in page
    assert "Add the next reporting period" in page and "Northshire Compact" in page


@pytest.mark.parametrize("today, expected", [(datetime.date(2027, 3, 31), 2026), (datetime.date(2027, 4, 1), 2027)])
def test_a_compact_without_periods_starts_with_the_current_financial_year(today, expected):
    assert next_start_year(f.CompactFactory(), today) == expected


def test_the_steering_group_adds_a_period_with_the_suggested_answers(world, client_for, steering):
    response = client_for(steering).post(
        add_url(world.compact), period_data(2026, datetime.date(2027, 6, 30)), follow=True
    )
    period = ReportingPeriod.objects.get(compact=world.compact, label="2026-27")
    assert (period.start_date, period.end_date, period.returns_due, period.is_open) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
        datetime.date(2027, 6, 30),
        True,
    )
    assert response.redirect_chain[-1][0] == reverse("undertakings:period-overview", args=[period.pk])
    assert "The 2026-27 reporting period has been added. It is open for returns." in text_of(response)
    assert period.history.first().history_user == steering


def test_a_period_can_be_added_closed(world, client_for):
    client_for(world.users["site_admin"]).post(
        add_url(world.compact), period_data(2026, datetime.date(2027, 7, 31), is_open=False)
    )
    period = ReportingPeriod.objects.get(compact=world.compact, label="2026-27")
    assert period.is_open is False and period.returns_due == datetime.date(2027, 7, 31)


def test_a_year_that_already_has_a_period_is_refused_with_the_services_message(world, client_for, steering):
    response = client_for(steering).post(add_url(world.compact), period_data(2025, datetime.date(2026, 6, 30)))
    assert response.status_code == 200
    page = text_of(response)
    message = PERIOD_EXISTS.format(compact="Northshire Compact", label="2025-26")
    assert page.count(message) == 2  # the error summary and the field
    assert "govuk-error-summary" in page and 'href="#id_start_year"' in page
    assert ReportingPeriod.objects.filter(compact=world.compact).count() == 1


def test_returns_due_before_the_period_starts_are_refused_and_the_answers_kept(world, client_for, steering):
    response = client_for(steering).post(add_url(world.compact), period_data(2026, datetime.date(2026, 3, 1)))
    page = text_of(response)
    assert page.count(DUE_BEFORE_START) == 2
    assert 'name="start_year" value="2026"' in page
    assert not ReportingPeriod.objects.filter(label="2026-27").exists()


def test_a_missing_year_and_date_are_asked_for(world, client_for, steering):
    page = text_of(client_for(steering).post(add_url(world.compact), {}))
    assert "Enter the year the financial year starts" in page
    assert "Enter the date returns are due" in page
    assert ReportingPeriod.objects.count() == 1


def test_a_steering_member_cannot_add_periods_to_another_compact(client_for, steering):
    elsewhere = f.CompactFactory(name="Elsewhere Compact", slug="elsewhere")
    client = client_for(steering)
    assert client.get(add_url(elsewhere)).status_code == 403
    assert client.post(add_url(elsewhere), period_data(2026, datetime.date(2027, 6, 30))).status_code == 403
    assert not ReportingPeriod.objects.filter(compact=elsewhere).exists()


@pytest.mark.parametrize("persona", ["outsider", "group_member", "officer"])
def test_other_people_cannot_add_periods(world, client_for, persona):
    response = client_for(world.users[persona]).post(
        add_url(world.compact), period_data(2026, datetime.date(2027, 6, 30))
    )
    assert response.status_code == 403
    assert ReportingPeriod.objects.count() == 1


def test_an_unknown_compact_is_not_found(client_for, steering):
    assert client_for(steering).get(reverse("undertakings:period-add", args=["nowhere"])).status_code == 404


def test_the_returns_list_and_the_overview_link_to_adding_a_period(world, client_for, steering):
    client = client_for(steering)
    link = f'href="{add_url(world.compact)}"'
    assert link in text_of(client.get(reverse("undertakings:return-list")))
    assert link in text_of(client.get(reverse("undertakings:period-overview", args=[world.period.pk])))
    assert link not in text_of(client_for(world.users["officer"]).get(reverse("undertakings:return-list")))


# --- Closing and reopening ----------------------------------------------------------------------


def close_url(period):
    return reverse("undertakings:period-close", args=[period.pk])


def reopen_url(period):
    return reverse("undertakings:period-reopen", args=[period.pk])


def test_closing_asks_first_and_says_what_it_stops(world, client_for, steering):
    page = text_of(client_for(steering).get(close_url(world.period)))
    assert "Are you sure you want to close the Northshire Compact 2025-26 period to returns?" in page
    assert CLOSE_EXPLANATION in page and "Close period" in page
    world.period.refresh_from_db()
    assert world.period.is_open


def test_the_steering_group_closes_and_reopens_a_period(world, code, client_for, steering):
    client = client_for(steering)
    overview = reverse("undertakings:period-overview", args=[world.period.pk])
    assert "Close this period to returns" in text_of(client.get(overview))

    response = client.post(close_url(world.period), follow=True)
    assert response.redirect_chain[-1][0] == overview
    page = text_of(response)
    assert "The 2025-26 period is now closed to returns." in page
    assert "Organisations cannot start or submit returns for this period." in page and "Reopen it" in page
    world.period.refresh_from_db()
    assert not world.period.is_open
    assert world.period.history.first().history_user == steering
    with pytest.raises(ValidationError) as exc:
        services.compliance_return_start(
            organisation=world.council, period=world.period, code=code, user=world.users["officer"]
        )
    assert exc.value.messages == [PERIOD_CLOSED.format(period="2025-26")]

    assert "Organisations will be able to start and submit returns" in text_of(client.get(reopen_url(world.period)))
    page = text_of(client.post(reopen_url(world.period), follow=True))
    assert "The 2025-26 period is now open to returns." in page
    world.period.refresh_from_db()
    assert world.period.is_open


def test_closing_a_closed_period_changes_nothing(world, client_for, steering):
    services.reporting_period_set_open(period=world.period, is_open=False, user=steering)
    response = client_for(steering).post(close_url(world.period), follow=True)
    assert "The 2025-26 period is already closed." in text_of(response)
    assert world.period.history.count() == 2


@pytest.mark.parametrize("persona", ["outsider", "group_member", "officer"])
def test_other_people_cannot_close_a_period(world, client_for, persona):
    assert client_for(world.users[persona]).post(close_url(world.period)).status_code == 403
    world.period.refresh_from_db()
    assert world.period.is_open


def test_a_steering_member_cannot_close_another_compacts_period(world, client_for, steering):
    elsewhere = f.ReportingPeriodFactory(compact=f.CompactFactory(name="Elsewhere Compact", slug="elsewhere"))
    assert client_for(steering).post(close_url(elsewhere)).status_code == 403
    elsewhere.refresh_from_db()
    assert elsewhere.is_open


def test_a_closed_period_leaves_the_officers_returns_to_start(world, code, client_for, steering):
    officer_client = client_for(world.users["officer"])
    start = reverse("undertakings:return-start", args=[world.council.slug, world.period.pk, code.pk])
    assert start in text_of(officer_client.get(reverse("undertakings:return-list")))
    client_for(steering).post(close_url(world.period))
    assert start not in text_of(officer_client.get(reverse("undertakings:return-list")))
