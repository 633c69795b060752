"""The consultation list filtered by Compact (`?compact=`): two look-alike Compacts, each with a
consultation of the same title, and a consultation on one Compact's own Code run by a body of neither."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation, Status
from tests import factories as f

pytestmark = pytest.mark.django_db

LIST = reverse("consultations:list")


def _consultation(owner, slug, title="Youth services review", status=Status.OPEN, **fields):
    today = timezone.localdate()
    return Consultation.objects.create(
        owner=owner,
        slug=slug,
        title=title,
        summary="What we plan and why.",
        stage="evaluation",
        opens=today,
        closes=today + timedelta(weeks=12),
        status=status,
        **fields,
    )


@pytest.fixture
def lookalikes(world):
    _consultation(world.council, "north-youth")
    _consultation(world.other_council, "south-youth")
    _consultation(world.other_council, "south-closed", title="Parks strategy", status=Status.CLOSED)
    # A regional body of neither Compact consulting on Southshire's own Code.
    regional = f.PublicBodyFactory(name="Regional Health Board", slug="regional-health-board", areas=[])
    code = f.CodeFactory(compact=world.other_compact, title="Southshire BME Code")
    _consultation(regional, "south-code", title="Southshire BME Code review", code=code)
    return world


def test_the_list_shows_only_the_chosen_compacts_consultations_and_names_it(lookalikes, client):
    page = client.get(LIST, {"compact": "southshire"}).content.decode()
    assert "<title>Consultations: Southshire Compact" in page
    assert '<span class="govuk-caption-l">Southshire Compact</span>Consultations' in page
    assert "3 consultations in the Southshire Compact" in page
    links = {reverse("consultations:detail", args=[slug]) for slug in ("south-youth", "south-closed", "south-code")}
    assert all(f'href="{link}"' in page for link in links)
    assert f'href="{reverse("consultations:detail", args=["north-youth"])}"' not in page
    north = client.get(LIST, {"compact": "northshire"}).content.decode()
    assert "1 consultation in the Northshire Compact" in north
    assert f'href="{reverse("consultations:detail", args=["north-youth"])}"' in north
    assert "south-youth" not in north and "south-code" not in north


def test_the_compact_select_keeps_the_status_and_the_status_links_keep_the_compact(lookalikes, client):
    page = client.get(LIST, {"compact": "southshire", "status": "closed"}).content.decode()
    assert "1 consultation in the Southshire Compact" in page and "Parks strategy" in page
    assert '<option value="southshire" selected>Southshire Compact</option>' in page
    assert '<input type="hidden" name="status" value="closed">' in page
    assert 'href="?status=open&amp;compact=southshire"' in page


def test_without_a_compact_every_consultation_is_listed_and_an_unknown_one_is_named(lookalikes, client):
    everything = client.get(LIST).content.decode()
    assert "4 consultations</caption>" in everything and "<title>Consultations" in everything
    unknown = client.get(LIST, {"compact": "nowhere"}).content.decode()
    assert "nowhere" in unknown and "govuk-error-message" in unknown
    assert "4 consultations</caption>" in unknown


def test_the_csv_keeps_the_compact_filter(lookalikes, client):
    response = client.get(reverse("consultations:list-csv"), {"compact": "northshire"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Youth services review"]
    assert rows[1][1] == "Northshire Council"


def test_a_compact_with_no_consultations_says_so_by_name(world, client):
    page = client.get(LIST, {"compact": "southshire"}).content.decode()
    assert "No consultations of the Southshire Compact to show." in page
