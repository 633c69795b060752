"""A steering group member adds an action for next year, asks for the review, watches it build,
downloads the PDF and publishes it; an anonymous visitor then finds it at /reviews/. axe checks
every page."""

import re
import threading

import pytest
from django.db import connection
from playwright.sync_api import expect

from reviews import services, tasks
from tests.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_on_call(monkeypatch):
    """Builds run as a worker would run them: later, in another thread, but only once the test
    calls `release()`, so the status page is seen waiting and reviews.js has something to poll."""
    go = threading.Event()
    threads = []

    def queue(review_id):
        def run():
            go.wait(timeout=60)
            try:
                tasks.build_review.apply(args=[review_id])
            finally:
                connection.close()

        thread = threading.Thread(target=run)
        thread.start()
        threads.append(thread)

    monkeypatch.setattr(services, "_queue", lambda review_id: services.transaction.on_commit(lambda: queue(review_id)))
    yield go.set
    go.set()
    for thread in threads:
        thread.join(timeout=30)


def test_steering_member_builds_and_publishes_the_review_and_the_public_finds_it(page, world, sign_in, worker_on_call):
    sign_in(world.users["steering_member"])
    page.goto("/reviews/")
    expect(page.get_by_text("No annual reviews have been published yet.")).to_be_visible()
    assert_accessible(page, "reviews-01-list-empty")
    page.get_by_role("link", name="Build a review for your Compact").click()
    assert_accessible(page, "reviews-02-build-index")
    page.get_by_role("link", name="Open the 2025-26 review of Northshire Compact").click()
    assert_accessible(page, "reviews-03-manage")

    page.get_by_role("link", name="Add an action for next year").click()
    page.get_by_role("button", name="Add action").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "reviews-04-action-error")
    page.get_by_label("Action").fill("Meet the funders' forum twice a year")
    page.get_by_label("Owner").fill("Steering group chair")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Meet the funders' forum twice a year")).to_be_visible()

    page.get_by_role("button", name="Build the review").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Version 1")).to_be_visible()
    expect(page.get_by_text("This page updates itself")).to_be_visible()  # reviews.js is running
    assert_accessible(page, "reviews-05-version-waiting")
    worker_on_call()  # the worker picks the build up now
    # reviews.js reloads the page when the build has finished.
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=60_000)
    assert_accessible(page, "reviews-06-version-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename == "northshire-annual-review-2025-26-v1.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.get_by_role("link", name="Publish this version").click()
    assert_accessible(page, "reviews-07-publish-confirm")
    page.get_by_role("button", name="Publish the review").click()
    page.wait_for_load_state()
    expect(page.get_by_text("is now the published review")).to_be_visible()
    assert_accessible(page, "reviews-08-published-page")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    page.goto("/reviews/")
    assert_accessible(page, "reviews-09-list-public")
    page.get_by_role("link", name=re.compile(r"^Web page")).click()
    expect(page.get_by_role("heading", level=1, name="Northshire Compact annual review 2025-26")).to_be_visible()
    expect(page.get_by_text("Meet the funders' forum twice a year")).to_be_visible()
    assert_accessible(page, "reviews-10-public-report")


def test_steering_member_withdraws_the_published_review_with_a_reason(page, world, sign_in):
    from .factories import make_review

    review = make_review(world, published=True)
    sign_in(world.users["steering_member"])
    page.goto(f"/reviews/{world.compact.slug}/{world.period.label}/versions/{review.version}/")
    page.get_by_role("link", name="Withdraw from publication").click()
    page.get_by_role("button", name="Withdraw the review").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "reviews-11-withdraw-error")
    page.get_by_label("Why are you withdrawing it?").fill("The complaints table named a complainant.")
    page.get_by_role("button", name="Withdraw the review").click()
    expect(page.get_by_text("is withdrawn. The public can no longer read it.")).to_be_visible()
    expect(page.get_by_text("The complaints table named a complainant.")).to_be_visible()
    assert_accessible(page, "reviews-12-withdrawn")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto("/reviews/")
    expect(page.get_by_text("No annual reviews have been published yet.")).to_be_visible()
