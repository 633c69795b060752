"""Confirming last year's return: the officer starts from it, changes what is no longer true and
confirms the rest with one button. Clicks are counted: at most one per changed undertaking to reach
it, plus one confirmation, once the list is open."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.support import assert_accessible
from undertakings import services
from undertakings.models import ComplianceReturn

from .conftest import fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Clicks:
    """Counts every click the officer makes, so the journey's cost is measured, not guessed."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()
        locator.page.wait_for_load_state()


def test_an_officer_confirms_last_years_return_changing_only_what_changed(page, world, code, sign_in):
    officer = world.users["officer"]
    last = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
    )
    fill(services.compliance_return_start(organisation=world.council, period=last, code=code, user=officer), officer)
    clicks = Clicks()

    sign_in(officer)
    page.goto("/compliance/")
    clicks.click(page.get_by_role("link", name=re.compile("^Start")))
    page.get_by_label(re.compile("Start from the 2024-25 return")).check()
    clicks.click(page.get_by_role("button", name="Start return"))
    expect(page.get_by_text("0 of 4 answered")).to_be_visible()
    expect(page.get_by_text("Shown when the answers copied from 2024-25 are confirmed")).to_be_visible()
    clicks.click(page.get_by_role("link", name="Check last year's answers"))
    expect(page.get_by_role("heading", name="Confirm last year's answers")).to_be_visible()
    assert_accessible(page, "undertakings-confirm-last-year")
    started = clicks.count

    # One undertaking is no longer met: change it from the list, save, and land back on the list.
    clicks.click(page.get_by_role("link", name="Change undertaking 3.1.2"))
    page.get_by_label("Not met", exact=True).check()
    page.get_by_label("Explanation").fill("The joint forum did not meet this year: the council's lead post was vacant.")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Confirm last year's answers")).to_be_visible()
    expect(page.get_by_role("button", name="Confirm all 3 answers")).to_be_visible()

    clicks.click(page.get_by_role("button", name="Confirm all 3 answers"))
    expect(page.get_by_text("3 answers from last year confirmed.")).to_be_visible()
    expect(page.get_by_text("4 of 4 answered")).to_be_visible()
    assert_accessible(page, "undertakings-confirmed-last-year")

    changed = 1
    assert clicks.count - started <= changed + 1
    compliance_return = ComplianceReturn.objects.get(period=world.period)
    assert not compliance_return.entries.filter(carried_forward=True).exists()
    assert compliance_return.entries.get(undertaking__ref="3.1.2").rating == "not_met"
    print(f"\nclicks: {clicks.count} in all ({started} to open the list, {clicks.count - started} on it), plus 1 save")
