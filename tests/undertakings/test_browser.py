"""An officer fills in and submits a return; the steering group returns it with a comment; the
officer fixes and resubmits it; it is accepted and locked. Every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.support import assert_accessible
from undertakings.models import ComplianceReturn, ReturnStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def answer(page, rating: str, explanation: str = "", evidence: str = "", button: str = "Save and continue"):
    page.get_by_label(rating, exact=True).check()
    if explanation:
        page.get_by_label("Explanation").fill(explanation)
    if evidence:
        page.get_by_label("Evidence", exact=True).fill(evidence)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_a_return_goes_from_draft_to_returned_to_accepted_and_locked(page, world, code, sign_in, tmp_path):
    officer, steering = world.users["officer"], world.users["steering_member"]

    # The public reads the Code.
    page.goto("/codes/")
    assert_accessible(page, "undertakings-code-list")
    page.get_by_role("link", name="Northshire BME Code").click()
    expect(page.get_by_role("heading", name="3.1 Joint undertakings")).to_be_visible()
    assert_accessible(page, "undertakings-code-detail")

    # The officer starts a blank return.
    sign_in(officer)
    page.goto("/compliance/")
    assert_accessible(page, "undertakings-return-list")
    page.get_by_role("link", name=re.compile("^Start")).click()
    assert_accessible(page, "undertakings-return-start")
    page.get_by_role("button", name="Start return").click()
    expect(page.get_by_text("0 of 4 answered")).to_be_visible()
    assert_accessible(page, "undertakings-return-draft")

    # Undertaking by undertaking, saving as they go.
    page.get_by_role("link", name="Continue with undertaking 3.1.1").click()
    expect(page.get_by_text("0 of 4 answered")).to_be_visible()
    assert_accessible(page, "undertakings-entry")
    answer(
        page,
        "Met",
        evidence="Joint race equality plan agreed with the BME forum.",
        button="Save and go back to the return",
    )
    page.get_by_role("link", name="Change undertaking 3.1.1").click()
    page.get_by_role("link", name="Add a file for undertaking 3.1.1").click()
    assert_accessible(page, "undertakings-evidence-add")
    minutes = tmp_path / "forum-minutes.txt"
    minutes.write_text("Minutes of the BME forum, 3 July 2025\n")
    page.get_by_label("Upload a file").set_input_files(str(minutes))
    page.get_by_role("button", name="Upload file").click()
    expect(page.get_by_role("link", name="forum-minutes.txt", exact=True)).to_be_visible()
    page.get_by_role("link", name="Add an action for undertaking 3.1.1").click()
    page.get_by_label("What will be done").fill("Publish the plan on the council website")
    page.get_by_label("Who is responsible").fill("Policy team")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    assert_accessible(page, "undertakings-action-add")
    page.get_by_role("button", name="Save action").click()
    expect(page.get_by_role("cell", name="Publish the plan on the council website")).to_be_visible()
    page.goto(page.url.split("#")[0])
    answer(page, "Met")  # 3.1.1 again: the next one not assessed is 3.1.2

    expect(page.get_by_text("1 of 4 answered")).to_be_visible()
    answer(page, "Not met")  # no explanation: comply or explain
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page, "undertakings-entry-error")
    answer(page, "Not met", explanation="Not in our publications yet: the style guide is being rewritten.")
    answer(page, "Met")
    answer(page, "Not applicable", explanation="We run no BME-specific funding programme.")
    expect(page.get_by_text("4 of 4 answered")).to_be_visible()

    page.get_by_role("link", name="Check and submit").click()
    assert_accessible(page, "undertakings-submit")
    page.get_by_role("button", name="Submit return").click()
    expect(page.get_by_text("Your return has been submitted to the steering group.")).to_be_visible()
    assert_accessible(page, "undertakings-return-submitted")
    sign_out(page)

    # The steering group returns it with a comment.
    sign_in(steering)
    page.goto("/compliance/")
    page.get_by_role("link", name=re.compile("^2025-26")).click()
    assert_accessible(page, "undertakings-period-overview")
    page.get_by_role("link", name="Northshire Council").click()
    page.get_by_role("link", name="Review this return").click()
    assert_accessible(page, "undertakings-review")
    page.get_by_label("Return it to the body for changes").check()
    page.get_by_label("Comments for the body").fill(
        "3.1.2: you mention the Code in the funding guide, so is it partly met?"
    )
    page.get_by_role("button", name="Send decision").click()
    expect(page.get_by_text("The return has been returned to the body with your comments.")).to_be_visible()
    sign_out(page)

    # The officer fixes it and submits it again.
    sign_in(officer)
    page.goto("/compliance/")
    page.get_by_role("link", name=re.compile("^Northshire Council: Northshire BME Code")).click()
    expect(
        page.get_by_role("region", name="Returned for changes").get_by_text("you mention the Code in the funding guide")
    ).to_be_visible()
    assert_accessible(page, "undertakings-return-returned")
    page.get_by_role("link", name="Change undertaking 3.1.2").click()
    answer(
        page,
        "Partly met",
        explanation="The funding guide mentions the Code; other publications do not yet.",
        button="Save and go back to the return",
    )
    page.get_by_role("link", name="Check and submit").click()
    page.get_by_role("button", name="Submit return").click()
    sign_out(page)

    # The steering group accepts it; the matrix and the undertaking's page show it.
    sign_in(steering)
    compliance_return = ComplianceReturn.objects.get()
    page.goto(f"/compliance/returns/{compliance_return.pk}/review/")
    page.get_by_label("Accept it: the return is then locked").check()
    page.get_by_role("button", name="Send decision").click()
    expect(page.get_by_text("The return has been accepted and locked.")).to_be_visible()
    page.get_by_role("link", name="Matrix of ratings: Northshire BME Code").click()
    expect(page.get_by_text("1 of 3 bodies have a return counted")).to_be_visible()
    assert_accessible(page, "undertakings-matrix")
    page.get_by_role("link", name="See every undertaking").click()
    expect(page.get_by_role("cell", name="Partly met")).to_be_visible()
    assert_accessible(page, "undertakings-matrix-full")
    page.get_by_role("link", name="3.1.2", exact=True).click()  # the row header of the matrix
    expect(page.get_by_text("The funding guide mentions the Code")).to_be_visible()
    assert_accessible(page, "undertakings-undertaking")
    sign_out(page)

    # Locked for the officer.
    sign_in(officer)
    page.goto(f"/compliance/returns/{compliance_return.pk}/")
    expect(page.get_by_text("This return is locked.")).to_be_visible()
    assert page.get_by_role("link", name="Check and submit").count() == 0
    assert_accessible(page, "undertakings-return-reviewed")
    compliance_return.refresh_from_db()
    assert compliance_return.status == ReturnStatus.REVIEWED
    assert list(compliance_return.events.values_list("kind", flat=True)) == [
        "started",
        "submitted",
        "returned",
        "resubmitted",
        "accepted",
    ]
