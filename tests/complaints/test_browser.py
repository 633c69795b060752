"""A community group raises a confidential complaint; the council answers it at stage 1 without
ever seeing who complained; the group escalates; a second officer answers at stage 2; the group
refers it to the steering group, which closes it as partly upheld. axe checks every page."""

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.support import assert_accessible

from .factories import undertaking_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def assert_group_hidden(page, world):
    content = page.content()
    for secret in (world.group.name, "Grace Member", "member@forum.example", "forum-minutes"):
        assert secret not in content, f"{secret} shown to the council on {page.url}"


def continue_(page):
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def test_confidential_complaint_from_raising_to_the_steering_groups_decision(page, world, sign_in, tmp_path):
    undertaking = undertaking_in(world.compact)
    colleague = f.UserFactory(email="complaints@council.example", full_name="Cara Colleague")
    f.MembershipFactory(user=colleague, organisation=world.council)
    group_member, officer, steering = (world.users[p] for p in ("group_member", "officer", "steering_member"))

    # The group raises it.
    sign_in(group_member)
    page.goto("/complaints/")
    assert_accessible(page, "complaints-01-index")
    page.get_by_role("button", name="Raise a complaint").click()
    assert_accessible(page, "complaints-02-start")
    page.get_by_role("button", name="Start now").click()
    continue_(page)  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "complaints-03-body-error")
    page.get_by_label("Northshire Council").check()
    continue_(page)
    page.get_by_label("Search undertakings").fill("procedures")
    page.get_by_role("button", name="Search").click()
    assert_accessible(page, "complaints-04-undertakings")
    page.get_by_label(f"BME Code {undertaking.ref}: {undertaking.text}").check()
    continue_(page)
    page.get_by_label("What happened?").fill("The council did not tell BME groups about its complaints procedure.")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("What would you like to happen now?").fill("Publish the procedure and invite groups to use it.")
    assert_accessible(page, "complaints-05-details")
    continue_(page)
    notes = tmp_path / "forum-minutes.txt"
    notes.write_text("Minutes of the forum meeting.")
    page.get_by_label("Upload a file").set_input_files(str(notes))
    page.get_by_role("button", name="Upload file").click()
    expect(page.get_by_role("cell", name="forum-minutes.txt", exact=True)).to_be_visible()
    expect(page.get_by_text("We remove names and other hidden details from your files")).to_have_count(0)
    assert_accessible(page, "complaints-06-files")
    # A file chosen and then "Continue" pressed is uploaded, not dropped (issue 18).
    letter = tmp_path / "letter-to-council.txt"
    letter.write_text("Our letter asking for the procedure.")
    page.get_by_label("Upload a file").set_input_files(str(letter))
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(f"My organisation, {world.group.name}").check()
    assert_accessible(page, "complaints-07-who")
    continue_(page)
    page.get_by_label("Yes, keep who I am from them").check()
    assert_accessible(page, "complaints-08-confidential")
    continue_(page)
    # Told once confidentiality is chosen, not before (issue 12, item 1).
    expect(page.get_by_text("We remove names and other hidden details from your files")).to_be_visible()
    expect(page.get_by_text("letter-to-council.txt")).to_be_visible()
    assert_accessible(page, "complaints-09-check")
    page.get_by_role("button", name="Send complaint").click()
    page.wait_for_load_state()
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert reference.startswith("CMP-")
    assert_accessible(page, "complaints-10-sent")
    sign_out(page)

    # The council acknowledges and replies at stage 1, never seeing who complained.
    sign_in(officer)
    page.goto("/complaints/about-your-organisation/")
    expect(page.get_by_role("cell", name="Withheld (confidential complaint)")).to_be_visible()
    assert_group_hidden(page, world)
    assert_accessible(page, "complaints-11-queue")
    page.get_by_role("link", name=reference).click()
    assert_group_hidden(page, world)
    assert_accessible(page, "complaints-12-officer-complaint")
    page.get_by_role("button", name="Acknowledge", exact=True).click()
    assert_accessible(page, "complaints-13-acknowledge")
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_role("button", name="Reply", exact=True).click()
    assert_group_hidden(page, world)
    page.get_by_label("Your reply to the complainant").fill("We are sorry. We will publish the procedure this month.")
    assert_accessible(page, "complaints-14-reply")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Your reply has been sent to the complainant.")).to_be_visible()
    assert_group_hidden(page, world)
    assert_accessible(page, "complaints-15-officer-replied")
    sign_out(page)

    # The group is not satisfied and takes it to stage 2.
    sign_in(group_member)
    page.goto(f"/complaints/{reference}/")
    expect(page.get_by_text("forum-minutes.txt")).to_be_visible()
    page.get_by_role("button", name="Take it to stage 2", exact=True).click()
    page.get_by_label("Why are you not satisfied with the reply?").fill(
        "Publishing is not enough: groups need to be told."
    )
    assert_accessible(page, "complaints-16-escalate")
    page.get_by_role("button", name="Ask for stage 2").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Your complaint has moved to stage 2.")).to_be_visible()
    sign_out(page)

    # A different officer answers stage 2.
    sign_in(colleague)
    page.goto(f"/complaints/{reference}/")
    assert_group_hidden(page, world)
    page.get_by_role("button", name="Acknowledge", exact=True).click()
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_role("button", name="Reply", exact=True).click()
    page.get_by_label("Your reply to the complainant").fill("We will write to every group on the directory.")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state()
    assert_group_hidden(page, world)
    assert_accessible(page, "complaints-17-stage-2-replied")
    sign_out(page)

    # The group refers it to the steering group.
    sign_in(group_member)
    page.goto(f"/complaints/{reference}/")
    page.get_by_role("button", name="Refer to the steering group", exact=True).click()
    page.get_by_label("Why are you not satisfied with the reply?").fill(
        "We want the steering group to check this happens."
    )
    page.get_by_role("button", name="Refer to the steering group").click()
    page.wait_for_load_state()
    sign_out(page)

    # The steering group sees who complained, acknowledges, and closes it as partly upheld.
    sign_in(steering)
    page.goto("/complaints/compact/")
    expect(page.get_by_role("cell", name=world.group.name)).to_be_visible()
    assert_accessible(page, "complaints-18-steering-list")
    page.get_by_role("link", name=reference).click()
    page.get_by_role("button", name="Acknowledge", exact=True).click()
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_role("button", name="Close the complaint", exact=True).click()
    page.get_by_role("button", name="Close the complaint").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "complaints-19-close-errors")
    page.get_by_label("Partly upheld").check()
    page.get_by_label("Explain the decision to the complainant").fill("The council should have told groups directly.")
    page.get_by_label("What was learned?").fill("Tell groups about the complaints procedure every year.")
    page.get_by_role("button", name="Close the complaint").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The complaint has been closed.")).to_be_visible()
    expect(page.locator(".govuk-summary-list").first.get_by_text("Partly upheld")).to_be_visible()
    assert_accessible(page, "complaints-20-closed")
    sign_out(page)

    # Afterwards the council sees the outcome, still without the group's name.
    sign_in(officer)
    page.goto(f"/complaints/{reference}/")
    expect(page.get_by_text("Partly upheld").first).to_be_visible()
    assert_group_hidden(page, world)
    assert_accessible(page, "complaints-21-officer-closed")
