import pytest
from django.core.management import call_command

from complaints.models import Complaint


@pytest.mark.django_db
def test_demo_complaints_load_twice_without_duplicates():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=open("/dev/null", "w"))
    statuses = sorted(Complaint.objects.values_list("status", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Complaint.objects.count() == 4
    assert statuses == ["closed", "stage_1", "stage_1", "stage_2"]
    assert Complaint.objects.filter(confidential=True).count() == 3
    assert Complaint.objects.get(status="closed").outcome == "partly_upheld"
