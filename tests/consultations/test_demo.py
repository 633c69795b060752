import pytest
from django.core.management import call_command
from django.urls import reverse

from consultations.models import Comment, Consultation, Status

from . import source_counts_plymouth as source


@pytest.mark.django_db
def test_demo_consultations_load_twice_without_duplicates(client):
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    plymouth = Consultation.objects.get(slug="plymouth-bme-code-draft")
    assert plymouth.status == Status.CLOSED and plymouth.owner.slug == "plymouth-city-council"
    assert plymouth.code.slug == "plymouth-bme"
    assert plymouth.comments.count() == source.TOTAL_COMMENTS
    assert plymouth.comments.pending().count() == source.PENDING_COMMENTS
    northants = Consultation.objects.get(slug="community-grants-scheme-review")
    assert northants.status == Status.OPEN and Comment.objects.filter(consultation=northants).count() == 2
    page = client.get(reverse("consultations:response", args=[plymouth.slug])).content.decode()
    assert "not the final response" in page and "32 of 153 comments are still waiting" in page
