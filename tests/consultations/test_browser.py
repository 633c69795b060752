"""An officer opens a consultation; a group member comments on two sections; an anonymous person
comments; the officer closes it, types in a comment that came by post, responds to each comment and
publishes; the public page shows them. axe checks the main pages."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations import services
from consultations.models import Comment, Status
from tests.support import assert_accessible

from .factories import comment_from_group, make_consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def click(page, role, name):
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state()


def test_consultation_from_opening_to_the_published_response(page, world, sign_in):
    consultation = make_consultation(world, status=Status.DRAFT, title="Review of the grants scheme")
    detail = f"/consultations/{consultation.slug}/"

    # The officer opens it.
    sign_in(world.users["officer"])
    page.goto(detail)
    assert_accessible(page, "consultations-01-draft")
    click(page, "link", "Open for comments")
    assert_accessible(page, "consultations-02-confirm-open")
    click(page, "button", "Open for comments")
    expect(page.get_by_text("The consultation is open for comments.")).to_be_visible()
    sign_out(page)

    # A group member comments for the group on two sections.
    sign_in(world.users["group_member"])
    page.goto(detail)
    click(page, "link", "Comment on this consultation")
    click(page, "button", "Send comment")  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "consultations-03-comment-error")
    page.get_by_label("African Caribbean Forum").check()
    page.get_by_label("1 Part 1").check()
    page.get_by_label("2 Part 2").check()
    page.get_by_label("Your comment").fill("Small groups need longer to apply.")
    page.get_by_label("In full, with my name or my organisation's name").check()
    click(page, "button", "Send comment")
    expect(page.get_by_text("Your comment has been received")).to_be_visible()
    sign_out(page)

    # Someone without an account comments on the whole document.
    page.goto(detail + "comment/")
    assert_accessible(page, "consultations-04-comment-anonymous")
    page.get_by_label("Your comment").fill("Publish the panel's scores.")
    page.get_by_label("In full, without my name").check()
    click(page, "button", "Send comment")
    assert Comment.objects.filter(consultation=consultation).count() == 2

    # The officer closes it early (with the reason), responds to each comment and publishes.
    sign_in(world.users["officer"])
    page.goto(detail)
    click(page, "link", "Close the consultation")
    page.get_by_label("If you are closing early").fill("The scheme has to start in April.")
    assert_accessible(page, "consultations-05-confirm-close")
    click(page, "button", "Close the consultation")
    # A letter that came by post is typed in; a first try without answers shows every error.
    page.goto(detail + "comments/")
    click(page, "link", "Record a comment received by post, by email, at an event or by phone")
    click(page, "button", "Record comment")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "consultations-05b-record-comment-errors")
    page.get_by_label("By post").check()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Someone who did not give their name").check()
    page.get_by_label("The comment", exact=True).fill("Print the form in large type, please.")
    click(page, "button", "Record comment")
    expect(page.get_by_text("The comment is recorded.")).to_be_visible()
    click(page, "link", "Respond to comments")
    assert_accessible(page, "consultations-06-respond")
    page.get_by_label("Whole document: Print the form in large type, please.").check()
    page.get_by_label("Accepted – changed").check()
    page.get_by_label("Response", exact=True).fill("A large print form is now available.")
    click(page, "button", "Save response")
    page.get_by_label("1, 2: Small groups need longer to apply.").check()
    page.get_by_label("Accepted – changed").check()
    page.get_by_label("Response", exact=True).fill("The deadline is now eight weeks.")
    click(page, "button", "Save response")
    page.get_by_label("Whole document: Publish the panel's scores.").check()
    page.get_by_label("Noted").check()
    page.get_by_label("Response", exact=True).fill("We will publish the scores from next year.")
    click(page, "button", "Save response")
    expect(page.get_by_text("Every comment has a response.")).to_be_visible()
    click(page, "link", "Publish the response")
    assert_accessible(page, "consultations-07-confirm-publish")
    page.get_by_label("Final response", exact=False).check()
    click(page, "button", "Publish the response")
    expect(page.get_by_text("The response is published.")).to_be_visible()
    sign_out(page)

    # The public sees each comment beside its response.
    page.goto("/consultations/")
    assert_accessible(page, "consultations-08-list")
    page.goto(detail + "response/")
    content = page.content()
    for text in (
        "Small groups need longer to apply.",
        "The deadline is now eight weeks.",
        "Publish the panel's scores.",
        "We will publish the scores from next year.",
        "African Caribbean Forum",
        "Anonymous",
        "Print the form in large type",
        "by post",
    ):
        assert text in content
    assert "Grace Member" not in content and "No response has been published yet" not in content
    assert_accessible(page, "consultations-09-response")


def test_the_plymouth_consultation_pages_are_accessible(page, world):
    from django.conf import settings

    from consultations.services import load_consultation_file
    from tests import factories as f

    f.PublicBodyFactory(slug="plymouth-city-council", name="Plymouth City Council")
    plymouth = load_consultation_file(settings.BASE_DIR / "consultations" / "data" / "plymouth-bme-consultation.yaml")
    page.goto(f"/consultations/{plymouth.slug}/")
    assert_accessible(page, "consultations-10-plymouth")
    print(f"Plymouth consultation page: {page.evaluate('document.documentElement.scrollHeight')} px")
    page.goto(f"/consultations/{plymouth.slug}/response/")
    # The summary comes first, the table is paged: the page was 29,500 pixels of 153 rows.
    expect(page.get_by_role("heading", name="We asked")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"Plymouth response page: {height} px, {len(page.content())} characters")
    assert height < 15000
    assert_accessible(page, "consultations-11-plymouth-response")


def test_an_officer_corrects_a_section_and_removes_an_event(page, world, sign_in):
    consultation = make_consultation(world, title="Review of the grants scheme")
    comment_from_group(world, consultation)  # cites section 1
    services.event_add(
        consultation=consultation, user=world.users["officer"], date=consultation.opens, place="Central Library"
    )
    sign_in(world.users["officer"])

    page.goto(f"/consultations/{consultation.slug}/sections/")
    assert_accessible(page, "consultations-corrections-01-sections")
    page.get_by_role("link", name="Change section 1", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("so its reference cannot be changed")).to_be_visible()
    assert_accessible(page, "consultations-corrections-02-change-cited")
    page.get_by_label("Heading (optional)").fill("Who can apply")
    click(page, "button", "Save section")
    expect(page.get_by_text("Section 1 saved.")).to_be_visible()
    page.get_by_role("link", name="Remove section 1", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("so it cannot be removed")).to_be_visible()
    assert_accessible(page, "consultations-corrections-03-cannot-remove")
    page.goto(f"/consultations/{consultation.slug}/sections/")
    click(page, "button", "Move down section 1")
    expect(page.get_by_text("Section 1 moved down.")).to_be_visible()
    assert list(consultation.sections.order_by("position").values_list("ref", flat=True)) == ["2", "1"]
    assert_accessible(page, "consultations-corrections-03b-moved")

    page.goto(f"/consultations/{consultation.slug}/events/")
    page.get_by_role("link", name="Remove", exact=False).click()
    page.wait_for_load_state()
    assert_accessible(page, "consultations-corrections-04-confirm-remove-event")
    click(page, "button", "Remove")
    expect(page.get_by_text("Event removed.")).to_be_visible()
    assert not consultation.events.exists()


def test_an_officer_invites_a_page_and_then_every_match_on_a_320_pixel_screen(page, world, sign_in):
    from consultations.models import Invitation
    from consultations.views.invitations import INVITATIONS_PER_PAGE
    from tests.factories import OrganisationFactory

    for n in range(INVITATIONS_PER_PAGE + 5):
        OrganisationFactory(name=f"Riverside Group {n:03}")
    consultation = make_consultation(world, status=Status.DRAFT)
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(world.users["officer"])
    page.goto(f"/consultations/{consultation.slug}/invitations/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # WCAG 1.4.10: no sideways scrolling
    click(page, "button", "Send invitations")  # nothing ticked
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "consultations-12-invitations-error")
    page.get_by_label("Name contains").fill("riverside")
    click(page, "button", "Filter")
    expect(
        page.get_by_text(f"Showing 1 to {INVITATIONS_PER_PAGE} of {INVITATIONS_PER_PAGE + 5} organisations.")
    ).to_be_visible()
    page.get_by_label("Riverside Group 000").check()
    click(page, "button", "Send invitations")
    expect(page.get_by_text("1 organisation invited. The emails are sent when the consultation opens.")).to_be_visible()
    assert_accessible(page, "consultations-13-invitations")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    click(page, "link", "Invite every organisation matching this filter")
    expect(page.get_by_role("heading", name=f"Invite {INVITATIONS_PER_PAGE + 4} organisations?")).to_be_visible()
    assert Invitation.objects.count() == 1
    assert_accessible(page, "consultations-14-invite-every-match")
    click(page, "button", f"Invite {INVITATIONS_PER_PAGE + 4} organisations")
    expect(page.get_by_text(f"{INVITATIONS_PER_PAGE + 4} organisations invited.")).to_be_visible()
    assert Invitation.objects.count() == INVITATIONS_PER_PAGE + 5
