"""A person signs in and finds their way around; every page passes axe-core (WCAG 2.2 A/AA)."""

import pytest
from playwright.sync_api import expect

from tests.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_the_home_page_signs_in_and_out(page, world, sign_in):
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text()
    expect(page.locator("header").get_by_text("Compact compliance portal")).to_be_visible()
    assert_accessible(page, "core-home-anonymous")

    page.get_by_role("link", name="About the Compact and its Codes").first.click()
    assert_accessible(page, "core-about")
    page.goto("/accessibility/")
    assert_accessible(page, "core-accessibility")
    page.get_by_role("link", name="What the words mean").click()
    expect(page.get_by_role("heading", name="What the words mean")).to_be_visible()
    assert_accessible(page, "core-glossary")

    page.goto("/accounts/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page, "core-sign-in-errors")

    sign_in(world.users["steering_member"])
    page.goto("/accounts/your-account/")
    assert "Compact steering group member" in page.content()
    assert_accessible(page, "core-your-account")

    page.goto("/change-history/")
    page.get_by_role("link", name="Organisation", exact=True).click()
    expect(page.get_by_role("heading", name="Change history: Organisation")).to_be_visible()
    assert_accessible(page, "core-change-history")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()


def test_missing_page_is_friendly_and_accessible(page, db):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert_accessible(page, "core-404")
