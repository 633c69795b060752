"""python manage.py annual_review: the same outputs as the job, without the web app or Celery."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from tests import factories as f

from .factories import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(world):
    """The standard world without its second Compact: the command picks the only Compact when not told."""
    world.other_compact.delete()
    return world


@pytest.fixture
def ended(world):
    """A period that has ended, beside the standard world's (which may not have)."""
    return f.ReportingPeriodFactory(
        compact=world.compact,
        label="2023-24",
        start_date=datetime.date(2023, 4, 1),
        end_date=datetime.date(2024, 3, 31),
        returns_due=datetime.date(2024, 6, 30),
    )


def run(**options):
    call_command("annual_review", **options)


def test_json_for_a_named_compact_and_period(world, tmp_path):
    make_action(world, text="Refresh the funding code")
    out = tmp_path / "review.json"
    run(compact="northshire", period="2025-26", format="json", output=str(out))
    data = json.loads(out.read_text())
    assert data["compact"]["slug"] == "northshire" and data["period"]["label"] == "2025-26"
    assert "Refresh the funding code" in json.dumps(data["actions"])


def test_defaults_to_the_only_compact_and_its_latest_ended_period(world, ended, tmp_path, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: datetime.date(2025, 1, 1))
    f.ReportingPeriodFactory(
        compact=world.compact,
        label="2099-00",
        start_date=datetime.date(2099, 4, 1),
        end_date=datetime.date(2100, 3, 31),
        returns_due=datetime.date(2100, 6, 30),
    )
    f.ReportingPeriodFactory(
        compact=world.compact,
        label="2022-23",
        start_date=datetime.date(2022, 4, 1),
        end_date=datetime.date(2023, 3, 31),
        returns_due=datetime.date(2023, 6, 30),
    )
    out = tmp_path / "review.json"
    run(format="json", output=str(out))
    # On 1 January 2025: 2023-24 is the latest to have ended; 2025-26 (the world's) and 2099-00 have not.
    assert json.loads(out.read_text())["period"]["label"] == "2023-24"


def test_html_is_a_complete_document(world, tmp_path):
    out = tmp_path / "review.html"
    run(period="2025-26", format="html", output=str(out))
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<h1" in html and "Northshire Compact" in html


def test_pdf_is_written_in_place_with_no_temporary_file_left(world, tmp_path):
    out = tmp_path / "review.pdf"
    run(period="2025-26", format="pdf", output=str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"]


def test_json_to_the_terminal(world, capsys):
    run(period="2025-26", format="json", output="-")
    assert json.loads(capsys.readouterr().out)["version"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"compact": "nowhere"}, "There is no Compact 'nowhere'. Compacts: northshire."),
        ({"period": "1999-00"}, "Northshire Compact has no reporting period '1999-00'. Periods: 2025-26."),
        ({"period": "2025-26", "format": "pdf", "output": "-"}, "A PDF cannot be written to the terminal"),
        ({"period": "2025-26", "output": "/no/such/folder/review.pdf"}, "The folder /no/such/folder does not exist."),
    ],
)
def test_clear_errors(world, options, message):
    with pytest.raises(CommandError) as error:
        run(**{"output": "out.json", "format": "json", **options})
    assert message in str(error.value)


def test_several_compacts_need_the_compact_option(world):
    f.CompactFactory(name="Southshire Compact", slug="southshire")
    with pytest.raises(CommandError) as error:
        run(format="json", output="-")
    assert str(error.value) == "There are 2 Compacts (northshire, southshire): say which with --compact."


def test_no_ended_period_needs_the_period_option(db):
    compact = f.CompactFactory(slug="solo")
    f.ReportingPeriodFactory(
        compact=compact,
        label="2099-00",
        start_date=datetime.date(2099, 4, 1),
        end_date=datetime.date(2100, 3, 31),
        returns_due=datetime.date(2100, 6, 30),
    )
    with pytest.raises(CommandError) as error:
        run(format="json", output="-")
    assert "No reporting period of" in str(error.value) and "has ended yet" in str(error.value)


def test_no_compacts_at_all(db):
    with pytest.raises(CommandError) as error:
        run(format="json", output="-")
    assert str(error.value) == "There are no Compacts yet."
