import pytest
from django.core.management import call_command

from complaints.models import Complaint
from undertakings.selectors import last_ended_period


@pytest.mark.django_db
def test_demo_complaints_load_twice_without_duplicates():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    statuses = sorted(Complaint.objects.values_list("status", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Complaint.objects.count() == 5
    assert statuses == ["closed", "closed", "stage_1", "stage_1", "stage_2"]
    assert Complaint.objects.filter(confidential=True).count() == 3
    closed = Complaint.objects.filter(status="closed")
    assert sorted(closed.values_list("outcome", flat=True)) == ["partly_upheld", "upheld"]
    # Last year's complaint falls in the period whose review the demo publishes.
    last_year = closed.get(outcome="upheld")
    assert last_year.received_on < last_ended_period(compact=last_year.compact).end_date
