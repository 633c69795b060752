import pytest
from django.core.management import call_command
from django.utils import timezone

from reviews.models import AnnualReview, ReviewAction
from undertakings.models import ReportingPeriod


@pytest.mark.django_db
def test_demo_actions_for_next_year_load_twice_without_duplicates():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    actions = list(ReviewAction.objects.select_related("compact", "period"))
    assert len(actions) == 3
    latest_ended = ReportingPeriod.objects.filter(
        compact__slug="northamptonshire", end_date__lt=timezone.localdate()
    ).latest("end_date")
    assert {(a.compact.slug, a.period) for a in actions} == {("northamptonshire", latest_ended)}
    assert [a.position for a in actions] == [1, 2, 3]
    assert not AnnualReview.objects.exists()  # the tests' settings switch the demo build off


@pytest.mark.django_db
def test_the_demo_publishes_the_latest_ended_years_review_once(settings, client):
    settings.DEMO_BUILD_ANNUAL_REVIEW = True
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    review = AnnualReview.objects.get()
    assert review.is_published and review.status == "succeeded" and review.page_count > 5
    page = client.get("/reviews/").content.decode()
    assert "Northamptonshire Compact" in page and review.period.label in page
    report = client.get(f"/reviews/northamptonshire/{review.period.label}/").content.decode()
    assert "Actions for next year" in report and "Bring the board declarations" in report
    # The demo's records of that year reach every section of the review.
    data = review.dataset
    assert data["funding"]["figures"]["awards"] == 4
    assert data["consultations"]["totals"]["consultations"] == 1
    assert data["complaints"]["received"] == 1
