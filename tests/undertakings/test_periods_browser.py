"""The steering group adds the next reporting period (getting an error first), then closes it and
reopens it. Every page passes axe-core."""

import pytest
from playwright.sync_api import expect

from tests.support import assert_accessible
from undertakings.models import ReportingPeriod

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_steering_group_adds_closes_and_reopens_a_period(page, world, sign_in):
    sign_in(world.users["steering_member"])
    page.goto("/compliance/")
    page.get_by_role("link", name="Add the next reporting period of the Northshire Compact").click()
    assert_accessible(page, "undertakings-period-add")

    page.get_by_label("In which year does the financial year start?").fill("2025")
    page.get_by_role("button", name="Add reporting period").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="The Northshire Compact already has a 2025-26 reporting period.")
    ).to_be_visible()
    assert_accessible(page, "undertakings-period-add-errors")

    page.get_by_label("In which year does the financial year start?").fill("2026")
    page.get_by_role("button", name="Add reporting period").click()
    expect(page.get_by_text("The 2026-27 reporting period has been added.")).to_be_visible()
    assert_accessible(page, "undertakings-period-overview-added")

    page.get_by_role("link", name="Close this period to returns").click()
    assert_accessible(page, "undertakings-period-close")
    page.get_by_role("button", name="Close period").click()
    expect(page.get_by_text("The 2026-27 period is now closed to returns.")).to_be_visible()
    assert not ReportingPeriod.objects.get(label="2026-27").is_open

    page.get_by_role("link", name="Reopen it").click()
    page.get_by_role("button", name="Reopen period").click()
    expect(page.get_by_text("The 2026-27 period is now open to returns.")).to_be_visible()
    assert ReportingPeriod.objects.get(label="2026-27").is_open
