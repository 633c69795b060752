import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from reviews.models import AnnualReview, ReviewAction, ReviewNarrative
from undertakings.models import ReportingPeriod


@pytest.mark.django_db
def test_demo_actions_for_next_year_load_twice_without_duplicates():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    latest_ended = ReportingPeriod.objects.filter(
        compact__slug="northamptonshire", end_date__lt=timezone.localdate()
    ).latest("end_date")
    actions = list(ReviewAction.objects.filter(period=latest_ended).select_related("compact", "period"))
    assert len(actions) == 3
    assert {(a.compact.slug, a.period) for a in actions} == {("northamptonshire", latest_ended)}
    assert [a.position for a in actions] == [1, 2, 3]
    # The year before's actions, each with what became of it.
    earlier = ReviewAction.objects.exclude(period=latest_ended)
    assert earlier.count() == 3 and all(a.progress and a.progress_note for a in earlier)
    assert ReviewNarrative.objects.filter(period=latest_ended).count() == 1
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
    # A report of the annual meeting a steering group would publish under its name.
    assert data["annual_meeting"]["place"] and len(data["annual_meeting"]["attending"]) >= 4
    assert data["annual_meeting"]["date"] <= timezone.localdate().isoformat()
    assert data["foreword"]["text"].startswith("This is the report of the Compact's annual meeting")
    assert data["sector_statement"]["authors"] == ["Grace Mensah (Voluntary sector representative)"]
    assert [a["progress_label"] for a in data["progress"]["review_actions"]] == ["Done", "In progress", "Dropped"]
    assert not data["year_in_numbers"]["trend"]["empty"]
    assert data["bme_led"]["on_date"] <= timezone.localdate().isoformat()
    # Interim (returns outstanding), so published with the reason the demo gives.
    assert review.interim_reason if data["interim"] else not review.interim_reason
    assert "Foreword" in report and "The annual meeting" in report and "Compared with earlier years" in report
    # Each body speaks in its own voice: no volunteers at the police, no directorates at a refugee group.
    statements = {(s["organisation"], s["explanation"]) for s in data["compliance"]["statements"]}
    assert not any("no paid staff" in text for body, text in statements if "Police" in body)
    assert not any("directorates" in text for body, text in statements if "Refugee" in body)


@pytest.mark.parametrize("day", [datetime.date(2027, 4, 1), datetime.date(2028, 9, 15)])
@pytest.mark.django_db
def test_the_demo_makes_sense_on_any_day(settings, monkeypatch, day):
    """Pinned clock: on 1 April (the year just ended) and on a day well ahead, the demo publishes
    the review of the year that last ended, with its meeting dated no later than that day."""
    now = datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: now)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
    settings.DEMO_BUILD_ANNUAL_REVIEW = True
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    review = AnnualReview.objects.get()
    start = day.year - 1 if day.month >= 4 else day.year - 2
    assert review.period.label == f"{start}-{(start + 1) % 100:02d}"
    data = review.dataset
    assert data["annual_meeting"]["date"] <= day.isoformat() and data["foreword"]["text"]
    assert data["bme_led"]["on_date"] == review.period.end_date.isoformat()
    assert data["compliance"]["returns_counted"] >= 3 and data["progress"]["review_actions"]
