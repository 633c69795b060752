import pytest
from django.core.management import call_command
from django.urls import reverse

from consultations.models import Comment, Consultation, Status
from undertakings.selectors import last_ended_period

from . import source_counts_plymouth as source

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded_twice():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_demo_consultations_load_twice_without_duplicates(client, demo_loaded_twice):
    plymouth = Consultation.objects.get(slug="plymouth-bme-code-draft")
    # The working group's table is published as its final response, as the source has it.
    assert plymouth.status == Status.PUBLISHED and plymouth.owner.slug == "plymouth-city-council"
    assert plymouth.response_versions.count() == 1 and plymouth.response_published_on is None
    assert plymouth.code.slug == "plymouth-bme"
    assert plymouth.comments.count() == source.TOTAL_COMMENTS
    assert plymouth.comments.pending().count() == source.PENDING_COMMENTS
    northants = Consultation.objects.get(slug="community-grants-scheme-review")
    assert northants.status == Status.OPEN and Comment.objects.filter(consultation=northants).count() == 3
    assert northants.comments.filter(channel="email", recorded_by__email="officer@westnorthants.example").exists()
    page = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    assert "Final response, version 1" in page and "<strong>32 have no response given</strong>" in page
    assert "Dates not recorded" in page and "Date not recorded" in page


def test_the_demo_holds_a_published_consultation_in_the_last_ended_period(client, demo_loaded_twice):
    consultation = Consultation.objects.get(slug="community-interpreting-in-health-services")
    assert consultation.status == Status.PUBLISHED and consultation.comments.count() == 5
    assert consultation.comments.pending().count() == 0
    period = last_ended_period(compact=consultation.owner.compacts.get())
    assert period.start_date <= consultation.opens < consultation.response_published_on <= period.end_date
    page = client.get(reverse("consultations:response", args=[consultation.slug])).content.decode()
    assert "Romani has been added to the list" in page and "not the final response" not in page
