import pytest
from django.urls import reverse

from organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_steering_group_sees_who_changed_what_and_when(world, client_for):
    officer = world.users["officer"]
    council = world.council
    client = client_for(world.users["steering_member"])
    council.description = "Unitary authority for the west of the county"
    council._history_user = officer
    council.save()

    response = client.get(reverse("audit:history", args=["organisations.organisation"]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Olu Officer" in text
    assert "Unitary authority for the west of the county" in text
    assert "(empty)" in text  # the previous, empty description


def test_history_page_costs_the_same_number_of_queries_for_5_and_20_changes(
    world, client_for, django_assert_num_queries
):
    client = client_for(world.users["steering_member"])
    url = reverse("audit:history", args=["organisations.organisation"])
    client.get(url)  # warm the session and roles
    org = Organisation.objects.get(pk=world.group.pk)

    def count_for(changes):
        for n in range(changes):
            org.description = f"version {n}"
            org.save()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    # session, user, memberships, steering seats, count, page, earlier versions
    assert count_for(5) == count_for(20) == 7
