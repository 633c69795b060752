"""The steering group adds the next reporting period (getting an error first), then closes it and
reopens it. Every page passes axe-core."""

import pytest

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
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_role("link", name="The Northshire Compact already has a 2025-26 reporting period.").is_visible()
    assert_accessible(page, "undertakings-period-add-errors")

    page.get_by_label("In which year does the financial year start?").fill("2026")
    page.get_by_role("button", name="Add reporting period").click()
    assert page.get_by_text("The 2026-27 reporting period has been added.").is_visible()
    assert_accessible(page, "undertakings-period-overview-added")

    page.get_by_role("link", name="Close this period to returns").click()
    assert_accessible(page, "undertakings-period-close")
    page.get_by_role("button", name="Close period").click()
    assert page.get_by_text("The 2026-27 period is now closed to returns.").is_visible()
    assert not ReportingPeriod.objects.get(label="2026-27").is_open

    page.get_by_role("link", name="Reopen it").click()
    page.get_by_role("button", name="Reopen period").click()
    assert page.get_by_text("The 2026-27 period is now open to returns.").is_visible()
    assert ReportingPeriod.objects.get(label="2026-27").is_open
