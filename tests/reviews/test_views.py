"""The annual review pages as people see them."""

import datetime

import pytest
from django.urls import reverse

from reviews.models import AnnualReview, ReviewAction, ReviewStatus

from .factories import FAKE_PDF, make_action, make_review

pytestmark = pytest.mark.django_db


def manage_url(world):
    return reverse("reviews:manage", args=[world.compact.slug, world.period.label])


def version_url(world, review, name="reviews:version"):
    return reverse(name, args=[world.compact.slug, world.period.label, review.version])


def test_the_public_list_says_when_nothing_is_published(world, client_for):
    make_review(world)  # built but not published
    response = client_for(None).get(reverse("reviews:list"))
    assert "No annual reviews have been published yet." in response.content.decode()
    assert "Build a review" not in response.content.decode()


def test_the_public_list_shows_published_reviews_with_their_links(world, client_for):
    review = make_review(world, published=True)
    page = client_for(None).get(reverse("reviews:list")).content.decode()
    assert "Northshire Compact" in page and "2025-26" in page
    assert review.published_at.strftime("%-d %B %Y") in page
    assert reverse("reviews:published", args=["northshire", "2025-26"]) in page
    assert reverse("reviews:published-pdf", args=["northshire", "2025-26"]) in page


def test_the_public_list_makes_a_fixed_number_of_queries(world, client_for, django_assert_num_queries):
    from tests import factories as f

    for n in range(4):
        compact = f.CompactFactory(name=f"Compact {n}", slug=f"compact-{n}")
        period = f.ReportingPeriodFactory(compact=compact)
        make_review(world, compact=compact, period=period, published=True)
    client = client_for(None)
    # 1 count of published reviews for the paginator, 2 the page of reviews with compact and period joined.
    with django_assert_num_queries(2):
        response = client.get(reverse("reviews:list"))
    assert response.content.decode().count("Web page<span") == 4


def test_the_build_index_makes_a_fixed_number_of_queries(world, client_for, django_assert_num_queries):
    from tests import factories as f

    for label, year in [("2023-24", 2023), ("2024-25", 2024)]:
        f.ReportingPeriodFactory(
            compact=world.compact,
            label=label,
            start_date=datetime.date(year, 4, 1),
            end_date=datetime.date(year + 1, 3, 31),
        )
    make_review(world, version=1)
    make_review(world, version=2, status=ReviewStatus.FAILED)
    client = client_for(world.users["steering_member"])
    client.get(reverse("reviews:list"))  # the session is loaded and the user cached once
    # 1 session, 2 user, 3-4 the user's roles (memberships, steering seats), 5 Compacts,
    # 6 their periods, 7 the periods' versions.
    with django_assert_num_queries(7):
        page = client.get(reverse("reviews:build-index")).content.decode()
    assert page.count("Open<span") == 3 and "Version 2:" in page


def test_the_published_review_is_a_web_page_inside_the_site(world, client_for):
    review = make_review(world, published=True)
    page = client_for(None).get(reverse("reviews:published", args=["northshire", "2025-26"])).content.decode()
    assert '<h1 class="govuk-heading-xl">Northshire Compact annual review 2025-26</h1>' in page
    for section in review.dataset["sections"]:
        assert section["title"] in page
    assert "is not published" not in page


def test_the_published_pdf_downloads_with_a_sensible_name(world, client_for):
    make_review(world, published=True)
    response = client_for(None).get(reverse("reviews:published-pdf", args=["northshire", "2025-26"]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="northshire-annual-review-2025-26-v1.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == FAKE_PDF


def test_the_published_figures_download_as_the_stored_dataset(world, client_for):
    review = make_review(world, published=True)
    response = client_for(None).get(reverse("reviews:published-data", args=["northshire", "2025-26"]))
    assert response["Content-Type"] == "application/json"
    assert 'filename="northshire-annual-review-2025-26-v1.json"' in response["Content-Disposition"]
    assert response.json() == review.dataset
    page = client_for(None).get(reverse("reviews:published", args=["northshire", "2025-26"])).content.decode()
    assert "Download its figures as data (JSON)" in page


def test_a_newer_published_version_replaces_the_older_at_the_public_address(world, client_for):
    make_review(world, version=1)
    newer = make_review(world, version=2, published=True)
    response = client_for(None).get(reverse("reviews:published-pdf", args=["northshire", "2025-26"]))
    assert f"-v{newer.version}.pdf" in response["Content-Disposition"]


def test_an_unpublished_version_is_hidden_from_everyone_but_the_steering_group(world, client_for):
    review = make_review(world)
    assert client_for(None).get(reverse("reviews:published", args=["northshire", "2025-26"])).status_code == 404
    assert client_for(world.users["officer"]).get(version_url(world, review, "reviews:version-pdf")).status_code == 404
    steering = client_for(world.users["steering_member"]).get(version_url(world, review, "reviews:version-html"))
    assert "Version 1 is not published" in steering.content.decode()


def test_the_build_page_lists_actions_and_versions(world, client_for):
    make_action(world, text="Review the funding code")
    make_review(world, version=1, published=True)
    make_review(world, version=2, status=ReviewStatus.FAILED)
    page = client_for(world.users["steering_member"]).get(manage_url(world)).content.decode()
    assert "Review the funding code" in page
    assert "Build the review</button>" in page
    assert "Version 1" in page and "Published" in page and "Download PDF" in page
    assert "Version 2" in page and "Failed" in page and "See why" in page


def test_building_asks_for_a_new_version_and_shows_its_page(world, client_for):
    client = client_for(world.users["steering_member"])
    response = client.post(reverse("reviews:request", args=["northshire", "2025-26"]), follow=True)
    review = AnnualReview.objects.get()
    assert response.redirect_chain[-1][0] == version_url(world, review)
    # Celery runs eagerly in tests, but on_commit only fires outside the test's transaction.
    assert "Waiting to start" in response.content.decode()
    assert "This page updates itself" in response.content.decode()  # shown by reviews.js only (hidden)
    assert "Refresh this page" in response.content.decode()
    assert "js/reviews.js" in response.content.decode()


def test_the_status_endpoint_reports_progress(world, client_for):
    review = make_review(world, status=ReviewStatus.RUNNING)
    AnnualReview.objects.filter(pk=review.pk).update(progress=40, progress_message="Gathering funding figures")
    data = client_for(world.users["steering_member"]).get(version_url(world, review, "reviews:version-status")).json()
    assert data == {
        "status": "running",
        "status_label": "Being built",
        "progress": 40,
        "message": "Gathering funding figures",
        "finished": False,
    }


def test_a_failed_version_shows_its_reason_and_can_be_tried_again(
    world, client_for, django_capture_on_commit_callbacks
):
    review = make_review(world, status=ReviewStatus.FAILED)
    client = client_for(world.users["steering_member"])
    page = client.get(version_url(world, review)).content.decode()
    assert "The review could not be built" in page and "RuntimeError: boom" in page and "Try again" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(version_url(world, review, "reviews:version-retry"))
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUCCEEDED
    assert "Download the PDF" in client.get(version_url(world, review)).content.decode()


def test_publishing_asks_for_confirmation_then_publishes(world, client_for):
    review = make_review(world)
    client = client_for(world.users["steering_member"])
    confirm = client.get(version_url(world, review, "reviews:version-publish")).content.decode()
    assert "Publish version 1 of the Northshire Compact annual review 2025-26?" in confirm
    review.refresh_from_db()
    assert not review.is_published
    response = client.post(version_url(world, review, "reviews:version-publish"), follow=True)
    assert "is now the published review" in response.content.decode()
    review.refresh_from_db()
    assert review.is_published and review.published_by == world.users["steering_member"]


def test_withdrawing_the_published_review_needs_a_reason_and_takes_it_off_the_public_pages(world, client_for):
    review = make_review(world, published=True)
    client = client_for(world.users["steering_member"])
    public_url = reverse("reviews:published", args=[world.compact.slug, world.period.label])
    assert "Withdraw from publication" in client.get(version_url(world, review)).content.decode()
    withdraw_url = version_url(world, review, "reviews:version-withdraw")
    page = client.post(withdraw_url, {"reason": "  "}).content.decode()
    assert "There is a problem" in page and "Say why the review is being withdrawn" in page
    review.refresh_from_db()
    assert review.is_published and client_for(None).get(public_url).status_code == 200  # nothing changed
    page = client.post(withdraw_url, {"reason": "Table 3 named a complainant."}, follow=True).content.decode()
    assert "is withdrawn" in page and "Table 3 named a complainant." in page
    assert client_for(None).get(public_url).status_code == 404
    assert world.compact.name not in client_for(None).get(reverse("reviews:list")).content.decode()
    # The version stays with the steering group, who can publish it again.
    review.refresh_from_db()
    assert review.withdrawn_by == world.users["steering_member"] and review.pdf
    client.post(version_url(world, review, "reviews:version-publish"))
    review.refresh_from_db()
    assert review.is_published and review.withdrawn_at is None
    assert client_for(None).get(public_url).status_code == 200


def test_adding_an_action_with_nothing_filled_in_shows_errors(world, client_for):
    client = client_for(world.users["steering_member"])
    url = reverse("reviews:action-add", args=["northshire", "2025-26"])
    page = client.post(url, {"owner": "The council"}).content.decode()
    assert "There is a problem" in page and "Enter the action" in page
    assert 'value="The council"' in page  # what was typed is kept
    client.post(url, {"action": "Meet quarterly", "owner": "The council", "due_0": "31", "due_1": "3", "due_2": "2027"})
    item = ReviewAction.objects.get()
    assert (item.action, item.due) == ("Meet quarterly", datetime.date(2027, 3, 31))


def test_changing_and_removing_an_action(world, client_for):
    item = make_action(world)
    client = client_for(world.users["steering_member"])
    base = ["northshire", "2025-26", item.pk]
    client.post(reverse("reviews:action-edit", args=base), {"action": "Changed", "owner": "Chair"})
    item.refresh_from_db()
    assert (item.action, item.due) == ("Changed", None)
    assert (
        "Remove this action for next year?" in client.get(reverse("reviews:action-remove", args=base)).content.decode()
    )
    assert ReviewAction.objects.exists()
    client.post(reverse("reviews:action-remove", args=base))
    assert not ReviewAction.objects.exists()


def test_the_build_page_makes_a_fixed_number_of_queries(world, client_for, django_assert_num_queries):
    for n in range(1, 4):
        make_action(world, text=f"Action {n}", position=n)
    make_review(world, version=1, published=True)
    make_review(world, version=2)
    make_review(world, version=3, status=ReviewStatus.FAILED)
    client = client_for(world.users["steering_member"])
    client.get(reverse("reviews:list"))
    # 1 session, 2 user, 3-4 roles (memberships, steering seats), 5 Compact, 6 period,
    # 7 versions with who asked and who published, 8 the previous period (none here, so no query for
    # its actions), 9 actions, 10 the review's words (none written: their attendees and authors are
    # fetched only when there are some).
    with django_assert_num_queries(10):
        page = client.get(manage_url(world)).content.decode()
    assert page.count("Change<span") == 3 and page.count("Download PDF") == 2


def test_the_steering_group_of_another_compact_sees_nothing_of_this_one(world, client_for):
    from tests import factories as f

    elsewhere = f.UserFactory(email="chair@southshire.example")
    f.SteeringGroupMemberFactory(compact=f.CompactFactory(name="Southshire Compact", slug="southshire"), user=elsewhere)
    review = make_review(world)
    client = client_for(elsewhere)
    assert client.get(manage_url(world)).status_code == 403
    assert client.get(version_url(world, review)).status_code == 404
    assert client.get(version_url(world, review, "reviews:version-pdf")).status_code == 404
    assert client.post(reverse("reviews:request", args=["northshire", "2025-26"])).status_code == 403
    assert not AnnualReview.objects.exclude(pk=review.pk).exists()
    assert "Southshire Compact" in client.get(reverse("reviews:build-index")).content.decode()
    assert "Northshire Compact" not in client.get(reverse("reviews:build-index")).content.decode()
