"""An officer's whole journey: programme, application, decision, award, withdrawal, joint review,
with the monitoring page following along. axe checks every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, field, day):
    page.fill(f"#id_{field}_0", str(day.day))
    page.fill(f"#id_{field}_1", str(day.month))
    page.fill(f"#id_{field}_2", str(day.year))


def figure(page, key: str) -> str:
    row = page.locator("div.govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(f"^{re.escape(key)}$"))
    )
    return row.locator("dd").first.inner_text().strip()


def test_officer_records_and_withdraws_an_award_and_monitoring_follows(page, sign_in, world):
    today = timezone.localdate()
    sign_in(world.users["officer"])

    page.goto("/funding/monitoring/")
    assert_accessible(page, "funding-monitoring-before")
    assert (figure(page, "Awards"), figure(page, "Awards withdrawn")) == ("0", "0")

    page.goto("/funding/")
    assert_accessible(page, "funding-programmes")
    page.get_by_role("link", name="Add a funding programme").click()
    page.get_by_label("Programme title").fill("BME Community Capacity Fund")
    page.get_by_label("Grant", exact=True).check()
    page.get_by_label("Project funding").check()
    page.get_by_label("Ring-fenced for BME-led organisations").check()
    page.get_by_label("Budget in pounds (optional)").fill("50000")
    fill_date(page, "opens_on", today - timedelta(days=30))
    fill_date(page, "closes_on", today + timedelta(days=30))
    assert_accessible(page, "funding-programme-form")
    page.get_by_role("button", name="Save programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("BME Community Capacity Fund")
    assert_accessible(page, "funding-programme-detail")

    page.get_by_role("link", name="Record an application").click()
    page.get_by_label("Which organisation is applying?").select_option(label="African Caribbean Forum")
    page.get_by_label("Project title").fill("Advice surgery expansion")
    page.get_by_label("Amount requested in pounds").fill("12000")
    fill_date(page, "submitted_on", today)
    assert_accessible(page, "funding-application-form")
    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_text("BME-led", exact=True).first).to_be_visible()
    assert_accessible(page, "funding-application-detail")

    page.get_by_role("link", name="Record a decision").click()
    page.get_by_label("Awarded").check()
    fill_date(page, "decided_on", today)
    assert_accessible(page, "funding-decision-form")
    page.get_by_role("button", name="Record decision").click()
    fill_date(page, "planned_start", today)
    fill_date(page, "planned_end", today + timedelta(days=3 * 365))
    assert_accessible(page, "funding-award-form")
    page.get_by_role("button", name="Record award").click()
    expect(page.get_by_text("Award 360G-compactportal-")).to_be_visible()
    assert_accessible(page, "funding-award-detail")

    page.goto("/funding/monitoring/")
    assert (figure(page, "Awards"), figure(page, "Value of awards")) == ("1", "£12,000")
    assert figure(page, "Share to BME-led organisations by value") == "100.0%"
    assert figure(page, "Awards of three years or more") == "1"
    assert_accessible(page, "funding-monitoring-awarded")

    page.goto("/funding/awards/")
    assert_accessible(page, "funding-awards")
    page.get_by_role("link", name="Advice surgery expansion").click()
    page.get_by_role("link", name="Withdraw this award").click()
    fill_date(page, "withdrawn_on", today)
    page.get_by_label("Why is the award being withdrawn?").fill("The surgery venue closed.")
    assert_accessible(page, "funding-withdraw")
    page.get_by_role("button", name="Withdraw award").click()
    expect(page.get_by_text("A joint review and a redistribution record have been opened")).to_be_visible()

    page.goto("/funding/to-do/")
    assert_accessible(page, "funding-todo")
    page.get_by_role("link", name=re.compile("^Joint review of")).click()
    fill_date(page, "held_on", today)
    page.get_by_label("Causes of the withdrawal").fill("The venue closed at short notice.")
    page.get_by_label("Lessons learned").fill("Agree premises contingency plans at the start.")
    page.get_by_label("Support the organisation needs").fill("Help finding community premises.")
    page.get_by_label("The funder and the organisation have both agreed this record").check()
    assert_accessible(page, "funding-joint-review")
    page.get_by_role("button", name="Complete the joint review").click()
    expect(page.get_by_text("No joint reviews to complete.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Redistribution after"))).to_be_visible()

    page.goto("/funding/monitoring/")
    assert (figure(page, "Awards"), figure(page, "Awards withdrawn"), figure(page, "Value withdrawn")) == (
        "0",
        "1",
        "£12,000",
    )
    assert (figure(page, "Joint reviews held"), figure(page, "Joint reviews outstanding")) == ("1", "0")
    assert_accessible(page, "funding-monitoring-after")


def test_an_undetermined_group_is_told_what_to_do_before_it_applies(page, sign_in, world):
    from django.urls import reverse

    from tests import factories as f

    from .factories import AwardFactory, FundingProgrammeFactory

    today = timezone.localdate()
    member = f.UserFactory()
    f.MembershipFactory(user=member, organisation=world.other_group)
    f.BoardDeclarationFactory(organisation=world.other_group, members=8, bme_members=5, undisclosed_members=2)
    programme = FundingProgrammeFactory(
        funder=world.council,
        title="BME Capacity Fund",
        ring_fenced=True,
        opens_on=today - timedelta(days=30),
        closes_on=today + timedelta(days=30),
    )
    AwardFactory(funder=world.council, title="Autumn grant", award_date=today - timedelta(days=3))
    sign_in(member)

    page.goto(reverse("funding:programme-detail", args=[programme.pk]))
    expect(page.get_by_text("Ask the 2 members if they are willing to say")).to_be_visible()
    expect(page.get_by_role("link", name="Apply")).to_have_count(0)
    assert_accessible(page, "funding-programme-refusal")
    page.goto(reverse("funding:application-create", args=[programme.pk]))
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot apply to BME Capacity Fund yet")
    assert_accessible(page, "funding-application-refused")

    page.goto(reverse("funding:award-list"))
    fill_date(page, "start", today - timedelta(days=7))
    page.get_by_role("button", name="Show awards").click()
    expect(page.get_by_role("link", name="Autumn grant")).to_be_visible()
    assert_accessible(page, "funding-awards-filtered")
