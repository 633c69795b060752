"""Browser journeys for the Complaint Handling Code's expectations: an officer of another body
records a confidential complaint made by phone, which the council then handles without learning who
made it; the council puts a complaint on hold and resumes it; the steering group completes its
self-assessment and sees the long extensions. axe checks every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from complaints import services
from complaints.code_requirements import REQUIREMENTS
from complaints.working_days import add_working_days
from tests.support import assert_accessible

from .factories import raise_complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def fill_date(page, name, value):
    for part, number in zip(("0", "1", "2"), (value.day, value.month, value.year), strict=True):
        page.locator(f"[name={name}_{part}]").fill(str(number))


def test_a_phoned_in_confidential_complaint_is_recorded_and_the_body_never_learns_who(page, world, sign_in):
    today = timezone.localdate()
    sign_in(world.users["other_officer"])
    page.goto("/complaints/")
    page.get_by_role("link", name="Record a complaint made by phone, letter, email or in person").click()
    assert_accessible(page, "code-01-record")
    page.get_by_role("button", name="Record the complaint").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "code-02-record-errors")
    page.get_by_label("Which body is the complaint about?").select_option(label="Northshire Council")
    page.get_by_label("By phone").check()
    fill_date(page, "received_on", today - timedelta(days=1))
    page.get_by_label("What happened?").fill("The council's leisure centre refused a women-only swimming session.")
    fill_date(page, "happened_on", today - timedelta(days=10))
    page.get_by_label("What would they like to happen now?").fill("A session once a month.")
    page.get_by_label("They gave their name and a way to contact them").check()
    page.get_by_label("Their name", exact=True).fill("Amina Yusuf")
    page.get_by_label("Email address (optional)").fill("amina@example.net")
    page.get_by_label("Phone number (optional)").fill("01604 555 0199")
    page.get_by_label("Yes: only the Compact steering group may know who complained").check()
    page.get_by_label("Email them a link to follow the complaint").check()
    page.get_by_role("button", name="Record the complaint").click()
    page.wait_for_load_state()
    reference = page.locator(".govuk-panel__body strong").inner_text()
    expect(page.get_by_text("has been emailed a link")).to_be_visible()
    assert_accessible(page, "code-03-recorded")
    sign_out(page)

    sign_in(world.users["officer"])
    page.goto("/complaints/about-your-organisation/")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text("By phone", exact=True)).to_be_visible()
    expect(page.get_by_text("An officer of a public body").first).to_be_visible()
    content = page.content()
    for secret in ("Amina", "amina@example.net", "0199", "Nia Other", "Northshire NHS Trust"):
        assert secret not in content, f"{secret} shown to the council"
    assert_accessible(page, "code-04-council-sees-recorded")


def test_the_council_puts_a_complaint_on_hold_and_resumes_it(page, world, sign_in):
    complaint = raise_complaint(world)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    sign_in(world.users["officer"])
    page.goto(f"/complaints/{complaint.reference}/")
    page.get_by_role("button", name="Put on hold").click()
    assert_accessible(page, "code-05-pause")
    page.get_by_label("Waiting for information from the complainant").check()
    page.get_by_label("What is needed, and when was it agreed with the complainant?").fill(
        "Agreed by phone today: the forum will send the minutes of its meeting."
    )
    page.get_by_label("The complainant has agreed").check()
    page.get_by_role("button", name="Put on hold").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The complaint is on hold.")).to_be_visible()
    expect(page.get_by_role("button", name="Reply", exact=True)).to_have_count(0)
    assert_accessible(page, "code-06-on-hold")
    page.get_by_role("button", name="Resume", exact=True).click()
    assert_accessible(page, "code-07-resume")
    page.get_by_role("button", name="Resume the complaint").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The complaint has resumed and its deadline has moved.")).to_be_visible()
    expect(page.get_by_role("button", name="Reply", exact=True)).to_be_visible()


def test_the_steering_group_completes_its_self_assessment_and_sees_long_extensions(page, world, sign_in):
    complaint = raise_complaint(world)
    services.stage_acknowledge(complaint=complaint, user=world.users["officer"])
    stage = complaint.stages.get()
    services.stage_extend(
        complaint=complaint,
        user=world.users["officer"],
        new_date=add_working_days(stage.original_reply_by, 14),
        reason="Staff away.",
        beyond_limit_reason="Waiting for legal advice on the lease.",
    )
    sign_in(world.users["steering_member"])
    page.goto("/complaints/")
    page.get_by_role("link", name="Holds and long extensions").click()
    expect(page.get_by_text("Waiting for legal advice on the lease.")).to_be_visible()
    assert_accessible(page, "code-08-holds-extensions")
    page.goto("/complaints/")
    page.get_by_role("link", name="Self-assessment against the Complaint Handling Code").click()
    assert_accessible(page, "code-09-self-assessments")
    page.get_by_role("link", name=world.period.label).click()
    assert_accessible(page, "code-10-self-assessment-form")
    for requirement in REQUIREMENTS:
        page.locator(f"input[name={requirement.key}_assessment][value=met]").check()
        page.locator(f"textarea[name={requirement.key}_evidence]").fill(f"Seen in the portal: {requirement.title}.")
    page.get_by_label("The steering group has agreed this self-assessment").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "code-11-self-assessment-errors")
    page.get_by_label("The steering group’s statement").fill("The Compact meets the Code.")
    page.get_by_label("The steering group has agreed this self-assessment").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The Compact meets the Code.")).to_be_visible()
    expect(page.get_by_text("Completed on")).to_be_visible()
    assert_accessible(page, "code-12-self-assessment-complete")
