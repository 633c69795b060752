"""Whole journeys in a real browser; axe-core checks every page on the way (WCAG 2.2 A/AA)."""

import re

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation
from organisations.reference import load_reference_data
from tests.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_a_group_member_registers_declares_and_the_directory_lists_it(page, world, sign_in):
    load_reference_data()
    sign_in(world.users["group_member"])

    page.goto("/organisations/yours/")
    assert_accessible(page, "organisations-mine")
    page.get_by_role("link", name="Register an organisation").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "organisations-register-errors")

    page.get_by_label("Organisation name").fill("Northshire Somali Women's Link")
    page.get_by_label("Voluntary and community sector").check()
    page.get_by_label("Registered charity number (if it has one)").fill("1199999")
    page.get_by_label("Postcode").fill("nn1 2ab")
    page.get_by_label("African", exact=True).check()
    page.get_by_label("Women and girls").check()
    assert_accessible(page, "organisations-register")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1, name="Northshire Somali Women's Link")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Not verified yet")
    assert_accessible(page, "organisations-profile-unverified")

    page.get_by_role("link", name="Declare board").click()
    page.get_by_text("Who counts as being of BME origin").click()
    expect(page.get_by_text("Gypsy, Irish Traveller or Roma")).to_be_visible()
    assert_accessible(page, "organisations-declare-board")
    page.get_by_label("Board of trustees").check()
    page.get_by_label("How many people are on the board?").fill("4")
    page.get_by_label("How many of them are of BME origin?").fill("5")
    page.get_by_label("How many did not say whether they are of BME origin?").fill("0")
    page.get_by_role("button", name="Declare board").click()
    assert "cannot be more than the 4 members" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page, "organisations-declare-board-errors")
    page.get_by_label("How many of them are of BME origin?").fill("3")
    page.get_by_role("button", name="Declare board").click()

    expect(page.locator("main")).to_contain_text("Board declared. Status today: BME-led.")
    expect(page.locator("main")).to_contain_text(
        "3 of 4 board members are of BME origin (75%), which meets the 75% threshold."
    )
    assert_accessible(page, "organisations-profile-member")
    sign_out(page)

    sign_in(world.users["site_admin"])
    page.goto("/organisations/yours/")
    page.get_by_role("link", name=re.compile("Verify Northshire Somali")).click()
    assert_accessible(page, "organisations-verify")
    page.get_by_role("button", name="Verify organisation").click()
    expect(page.locator("main")).to_contain_text("is verified and now appears in the directory")
    sign_out(page)

    page.goto("/organisations/")
    assert_accessible(page, "organisations-directory")
    page.get_by_label("BME-led status").select_option("bme_led")
    page.get_by_label("Community served").select_option(label="African")
    page.get_by_role("button", name="Apply filters").click()
    row = page.get_by_role("row").filter(has_text="Northshire Somali Women's Link")
    expect(row.get_by_text("BME-led", exact=True)).to_be_visible()
    assert_accessible(page, "organisations-directory-filtered")
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northshire Somali Women's Link")
    assert "3 of 4" not in page.content()  # the public sees the outcome, never the counts
    assert_accessible(page, "organisations-profile-public")
    assert Organisation.objects.get(name="Northshire Somali Women's Link").verified


def test_someone_asks_to_join_and_the_groups_admin_approves(page, world, sign_in):
    sign_in(world.users["outsider"])
    page.goto(f"/organisations/{world.group.slug}/")
    page.get_by_role("link", name="Ask to join this organisation").click()
    assert_accessible(page, "organisations-join")
    page.get_by_label("Your role in the organisation (optional)").fill("Treasurer")
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("main")).to_contain_text("Your request to join African Caribbean Forum has been sent")
    assert_accessible(page, "organisations-mine-pending")
    sign_out(page)

    sign_in(world.users["group_member"])
    page.goto("/organisations/yours/")
    page.get_by_role("link", name=re.compile("Decide")).click()
    page.get_by_role("button", name="Confirm decision").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "organisations-decide-errors")
    page.get_by_label("Yes, approve it").check()
    page.get_by_role("button", name="Confirm decision").click()
    expect(page.locator("main")).to_contain_text(
        "You approved Oscar Outsider's request to join African Caribbean Forum."
    )


def test_the_eligibility_checker_asks_three_questions_then_answers(page, db):
    page.goto("/eligibility/")
    assert_accessible(page, "organisations-eligibility-start")
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("button", name="Continue").click()
    assert "Enter how many people are on the board" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page, "organisations-eligibility-members-error")
    page.get_by_label("How many people are on the board?").fill("8")
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page, "organisations-eligibility-bme-members")
    page.get_by_label("How many of them are of BME origin?").fill("5")
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page, "organisations-eligibility-undisclosed")
    page.get_by_label("How many did not say whether they are of BME origin?").fill("1")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The result cannot be decided yet")
    expect(page.locator("main")).to_contain_text("If they are of BME origin the share would be 75%")
    assert_accessible(page, "organisations-eligibility-result")

    page.get_by_role("link", name=re.compile("Change.*did not say")).click()
    page.get_by_label("How many did not say whether they are of BME origin?").fill("0")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This board is not BME-led")
    assert_accessible(page, "organisations-eligibility-result-not-led")


def test_the_steering_group_grants_and_withdraws_public_body_standing(page, world, sign_in):
    from tests import factories as f

    claim = f.PublicBodyFactory(name="Northshire Parish Office", slug="parish-office", verified=False)
    f.SignatoryFactory(compact=world.compact, organisation=claim)
    sign_in(world.users["steering_member"])

    page.goto("/organisations/yours/")
    page.get_by_role("link", name="Public bodies and their standing").click()
    expect(page.get_by_role("heading", level=1, name="Public bodies and their standing")).to_be_visible()
    assert_accessible(page, "organisations-public-bodies")
    page.get_by_role("link", name="Check and grant standing to Northshire Parish Office").click()
    assert_accessible(page, "organisations-standing-grant")
    page.get_by_role("button", name="Grant public-body standing").click()
    expect(page.locator("main")).to_contain_text("Northshire Parish Office now has public-body standing")

    page.get_by_role("link", name="Withdraw standing from Northshire Parish Office").click()
    page.get_by_role("button", name="Withdraw public-body standing").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "organisations-standing-withdraw-errors")
    page.get_by_label("Why is its standing being withdrawn?").fill("Registered in error")
    page.get_by_role("button", name="Withdraw public-body standing").click()
    expect(page.locator("main")).to_contain_text("Northshire Parish Office no longer has public-body standing")
    assert not Organisation.objects.get(slug="parish-office").verified
