import pytest
from django.core.management import call_command

from complaints.models import Channel, Complaint, Pause, SelfAssessment
from complaints.review import complaints_review
from reviews.models import AnnualReview
from undertakings.selectors import last_ended_period


@pytest.mark.django_db
def test_demo_complaints_load_twice_without_duplicates():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    statuses = sorted(Complaint.objects.values_list("status", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Complaint.objects.count() == 7
    assert statuses == ["closed", "closed", "stage_1", "stage_1", "stage_1", "stage_1", "stage_2"]
    assert Complaint.objects.filter(confidential=True).count() == 4
    closed = Complaint.objects.filter(status="closed")
    assert sorted(closed.values_list("outcome", flat=True)) == ["partly_upheld", "upheld"]
    # Last year's complaint falls in the period whose review the demo publishes.
    last_year = closed.get(outcome="upheld")
    assert last_year.received_on < last_ended_period(compact=last_year.compact).end_date

    # Made by phone, recorded for the caller by the chair, with the clock started on the day of the call.
    phoned = Complaint.objects.get(channel=Channel.PHONE)
    assert (phoned.complainant_kind, phoned.recorded_by.email) == ("recorded", "steering@northants.example")
    assert phoned.stages.get().opened_on == phoned.received_on < phoned.submitted_at.date()
    # Put on hold and resumed, its reply date moved by the days on hold, then extended past the limit.
    (pause,) = Pause.objects.all()
    assert pause.ended_on and pause.working_days == 4
    assert pause.stage.extended_beyond_limit and not pause.stage.is_paused
    # Last year's self-assessment is complete, so the review the demo publishes prints it.
    assessment = SelfAssessment.objects.get()
    assert assessment.is_complete and assessment.period == last_ended_period(compact=last_year.compact)
    review = complaints_review(
        compact=last_year.compact, start=assessment.period.start_date, end=assessment.period.end_date
    )
    assert review.self_assessment.met == 7 and review.learning[0].changes_made.startswith("The board")


@pytest.mark.django_db
def test_the_review_the_demo_publishes_prints_the_self_assessment(settings, client):
    settings.DEMO_BUILD_ANNUAL_REVIEW = True
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    review = AnnualReview.objects.get()
    handling = review.dataset["complaints"]["handling"]
    assert handling["self_assessment"]["completed"] and handling["self_assessment"]["met"] == 7
    page = client.get(f"/reviews/northamptonshire/{review.period.label}/").content.decode()
    assert "Self-assessment against the Complaint Handling Code" in page
    assert "7 of 9 requirements met, 2 partly met, 0 not met." in page
    assert "This year we will make sure every body records complaints made in person" in page
    # What changed because of each complaint is in the lessons annex and its open-data list.
    assert "The board&#x27;s engagement checklist now asks for a paper version and interpreters." in page
