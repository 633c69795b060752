"""A steering group member adds a representative (with consent) and gives them seats on two boards;
the second goes over the advised maximum and the board page warns. axe checks each page."""

import datetime

import pytest
from playwright.sync_api import expect

from representation.models import Representative
from tests.support import assert_accessible

from .factories import BoardFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def add_appointment(page, board_slug, today):
    page.goto(f"/representation/boards/{board_slug}/")
    page.get_by_role("link", name="Add an appointment").click()
    page.get_by_label("Representative").select_option(label="Rahim Uddin")
    page.get_by_label("Appointed", exact=True).check()
    page.locator("#id_start_date_0").fill(str(today.day))
    page.locator("#id_start_date_1").fill(str(today.month))
    page.locator("#id_start_date_2").fill(str(today.year))
    assert_accessible(page, f"representation-appointment-{board_slug}")
    submit(page, "Add appointment")


def test_steering_member_adds_a_representative_and_overloads_them(page, world, sign_in, settings):
    settings.REPRESENTATION_MAX_SEATS = 1
    BoardFactory(name="Northshire Partnership Board", slug="nsp", compact=world.compact)
    BoardFactory(name="Northshire Health Partnership", slug="health", compact=world.compact)
    today = datetime.date.today()

    sign_in(world.users["steering_member"])
    page.goto("/representation/")
    assert_accessible(page, "representation-overview")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2026")
    submit(page, "Show figures")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The date must be a real date")
    assert_accessible(page, "representation-overview-date-error")
    page.get_by_role("link", name="Add a representative").click()
    page.get_by_label("Full name").fill("Rahim Uddin")
    submit(page, "Save")  # no consent recorded yet
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "representation-representative-error")
    page.locator("#id_consent_given_on_0").fill("5")
    page.locator("#id_consent_given_on_1").fill("1")
    page.locator("#id_consent_given_on_2").fill("2026")
    page.get_by_label("By email").check()
    page.get_by_label("Bangladeshi (Asian, Asian British or Asian Welsh)").check()
    submit(page, "Save")
    expect(page.get_by_text("Representative added: Rahim Uddin.")).to_be_visible()
    assert_accessible(page, "representation-representative")
    assert Representative.objects.get(name="Rahim Uddin").communities.count() == 1

    add_appointment(page, "nsp", today)
    expect(page.get_by_text("Appointment added: Rahim Uddin, Member.")).to_be_visible()
    expect(page.get_by_text("more than the 1 the Compact advises")).not_to_be_visible()
    add_appointment(page, "health", today)
    expect(page.get_by_text("Rahim Uddin now holds 2 seats, more than the 1 the Compact advises.")).to_be_visible()
    assert_accessible(page, "representation-board-overload")

    # The role was recorded wrongly: it is corrected from the board's page.
    page.get_by_role("link", name="Correct Rahim Uddin's appointment as Member").click()
    assert_accessible(page, "representation-appointment-correct")
    page.get_by_label("Role on the board").fill("Vice-chair")
    submit(page, "Save changes")
    expect(page.get_by_text("The appointment has been corrected.")).to_be_visible()
    expect(page.get_by_role("cell", name="Vice-chair", exact=True)).to_be_visible()
