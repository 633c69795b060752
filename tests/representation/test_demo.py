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
    # Not named, and not counted either: one board without a BME representative says something about
    # the seat holders named on its public page, so the count is withheld (disclosure control); the
    # steering group sees which board on the representation overview.
    assert data["boards_without_bme_representative_count"] == "fewer than 5"
    assert data["boards_without_bme_representative"] == []
    assert [b["name"] for b in data["boards"]][0] == "Northamptonshire Compact Steering Group"
    assert "Plymouth Local Strategic Partnership Board" not in [b["name"] for b in data["boards"]]


@pytest.mark.django_db
def test_on_the_demo_plymouths_steering_member_reaches_no_northamptonshire_person(client):
    """The security review's probe, repeated: every representative page, edit and withdraw-consent
    POST, and every organisation's board counts, as Plymouth's steering member."""
    from accounts.models import User
    from organisations.models import Organisation

    call_command("load_reference_data", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(email="steering@plymouth.example"))
    northants = Representative.objects.filter(compact__slug="northamptonshire")
    assert northants.count() == 6
    for person in northants:
        detail = client.get(f"/representation/representatives/{person.pk}/")
        assert detail.status_code in (200, 404)
        assert person.email == "" or person.email not in detail.content.decode()
        assert client.get(f"/representation/representatives/{person.pk}/edit/").status_code in (403, 404)
        assert client.post(f"/representation/representatives/{person.pk}/withdraw-consent/").status_code in (403, 404)
    assert not northants.filter(consent_withdrawn_on__isnull=False).exists()
    for organisation in Organisation.objects.filter(signatory_records__compact__slug="northamptonshire").distinct():
        response = client.get(f"/organisations/{organisation.slug}/")
        assert response.status_code == 200 and not response.context["show_counts"], organisation.slug
