import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from organisations.models import Compact
from representation.models import Appointment, Board, Representative
from representation.review import representation_for_review


@pytest.mark.django_db
def test_demo_loads_twice_without_duplicates_and_shows_overload_and_a_board_without_bme():
    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert (Board.objects.count(), Representative.objects.count(), Appointment.objects.count()) == (6, 8, 14)
    data = representation_for_review(compact=Compact.objects.get(slug="northamptonshire"), on_date=timezone.localdate())
    assert data["overloaded_representatives"] == 1
    # Counted, not named: its two seat holders are named on its public page (disclosure control).
    assert data["boards_without_bme_representative_count"] == 1
    assert data["boards_without_bme_representative"] == []
    assert [b["name"] for b in data["boards"]][0] == "Northamptonshire Compact Steering Group"
    assert "Plymouth Local Strategic Partnership Board" not in [b["name"] for b in data["boards"]]
