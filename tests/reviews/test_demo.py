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
    latest_ended = (ReportingPeriod.objects.filter(compact__slug="northamptonshire", end_date__lt=timezone.localdate())
                    .latest("end_date"))
    assert {(a.compact.slug, a.period) for a in actions} == {("northamptonshire", latest_ended)}
    assert [a.position for a in actions] == [1, 2, 3]
    assert not AnnualReview.objects.exists()  # the demo leaves building to the steering group chair
