"""Small numbers identify people (security issue, item 8): no BME count beside named seat holders,
and no small count anywhere the public can read it (page, CSV, the annual review's data)."""

import csv
import io
import json

import pytest
from django.urls import reverse

from representation.review import representation_for_review
from tests import factories as f

from .factories import AppointmentFactory, BoardFactory, RepresentativeFactory, group

pytestmark = pytest.mark.django_db


@pytest.fixture
def health_board(world):
    """Helen Carter (name published, no organisation) and an unpublished member of a small Roma
    group: neither is a BME representative except through that group's communities."""
    board = BoardFactory(name="Health Partnership", slug="health", compact=world.compact)
    helen = RepresentativeFactory(name="Helen Carter", publish_name=True)
    roma_group = f.OrganisationFactory(name="Corby Roma Support Network")
    milan = RepresentativeFactory(
        name="Milan Horvath", publish_name=False, organisation=roma_group, communities=[group("white-roma")]
    )
    gareth = RepresentativeFactory(name="Gareth Lewis", publish_name=True)
    AppointmentFactory(board=board, representative=helen)
    AppointmentFactory(board=board, representative=gareth)
    quiet = BoardFactory(name="Quiet Partnership", slug="quiet-partnership", compact=world.compact)
    AppointmentFactory(board=quiet, representative=milan)
    return board


def test_no_bme_count_beside_named_seat_holders(health_board, client):
    page = client.get(reverse("representation:board-detail", args=["health"])).content.decode()
    assert "Helen Carter" in page
    assert "not published where names are shown" in page
    assert "This board has no BME representative" not in page


def test_the_public_overview_shows_small_counts_as_fewer_than_5(health_board, client):
    page = client.get(reverse("representation:overview"))
    html = page.content.decode()
    assert "fewer than 5" in html
    assert [bme.text for _, bme in page.context["published"]["per_board"]] == ["fewer than 5", "fewer than 5"]
    assert page.context["published"]["bme_total"].text == "fewer than 5"
    # The list of boards with no BME representative is the steering group's, not the public's.
    assert "Boards with no BME representative</h2>" not in html


def test_an_unpublished_name_is_not_shown_beside_its_organisation(health_board, client):
    page = client.get(reverse("representation:board-detail", args=["quiet-partnership"])).getvalue().decode()
    assert "Name not published" in page and "Corby Roma Support Network" not in page
    rows = list(csv.reader(io.StringIO(client.get(reverse("representation:appointments-csv")).getvalue().decode())))
    quiet = [row for row in rows if row[0] == "Quiet Partnership"]
    assert quiet and quiet[0][2] == "Name not published" and quiet[0][3] == ""


def test_the_reviews_representation_data_withholds_small_counts(world, health_board):
    data = representation_for_review(compact=world.compact, on_date=health_board.appointments.first().start_date)
    text = json.dumps(data)
    assert data["bme_representatives"] == "fewer than 5"
    assert {b["bme_representatives"] for b in data["boards"]} == {"fewer than 5"}
    assert "Health Partnership" not in json.dumps(data["boards_without_bme_representative"])
    assert "Helen Carter" not in text


def test_the_count_of_boards_with_no_bme_representative_is_disclosure_controlled(world, client):
    """One board, one named seat holder: "0 boards with no BME representative" would say that person
    is of BME origin, so the count is withheld on the public page and in the review's data."""
    board = BoardFactory(name="Plymouth Health Forum", slug="plymouth-health", compact=world.compact)
    roma = RepresentativeFactory(name="Anna Lakatos", publish_name=True, communities=[group("white-roma")])
    appointment = AppointmentFactory(board=board, representative=roma)
    data = representation_for_review(compact=world.compact, on_date=appointment.start_date)
    assert data["boards_without_bme_representative_count"] == "fewer than 5"
    page = client.get(reverse("representation:overview"), {"compact": world.compact.slug}).content.decode()
    row = page.split("Boards with no BME representative", 1)[1].split("</div>", 2)[1]
    assert "fewer than 5" in row and ">0<" not in row.replace(" ", "").replace("\n", "")
