"""The demo data loads twice without change, and its awards survive export → import unchanged."""

import csv
import io
import json

import pytest

from funding import demo
from funding.models import Application, Award, AwardSource, JointReview, Redistribution
from funding.services.imports import grants_import
from funding.threesixty import export
from funding.threesixty.schema import package_validator
from organisations import demo as organisations_demo
from organisations.bme_led import Outcome
from organisations.models import Organisation
from organisations.reference import load_reference_data

FIELDS = [
    "identifier",
    "title",
    "description",
    "amount",
    "award_date",
    "planned_start",
    "planned_end",
    "planned_months",
    "recipient_id",
    "funder_id",
    "programme_id",
    "programme_title",
]


@pytest.fixture
def demo_data(db):
    load_reference_data()
    organisations_demo.load()
    demo.load()


def _snapshot():
    # A withdrawn award is published at its amount after withdrawal (0), which is no award to import.
    return sorted(Award.objects.not_withdrawn().values_list(*FIELDS))


def test_demo_loads_twice_without_change(demo_data):
    counts = (Application.objects.count(), Award.objects.count(), JointReview.objects.count())
    demo.load()
    assert (Application.objects.count(), Award.objects.count(), JointReview.objects.count()) == counts == (8, 5, 1)


def test_demo_records_the_bme_led_status_of_the_day(demo_data):
    outcomes = dict(Award.objects.values_list("recipient__slug", "recipient_bme_led_outcome"))
    assert outcomes["northampton-african-caribbean-forum"] == Outcome.BME_LED
    assert outcomes["kettering-refugee-welcome"] == Outcome.NOT_BME_LED
    # The withdrawn award's review is held, its redistribution still to do.
    review = JointReview.objects.get()
    assert review.is_complete and not Redistribution.objects.get().is_complete


def test_demo_export_is_valid_360giving(demo_data):
    package = export.package(Award.objects.with_parties())
    errors = list(package_validator().iter_errors(json.loads(json.dumps(package))))
    assert errors == []


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_gives_identical_records(demo_data, fmt):
    before = _snapshot()
    files = {}
    for funder_id in Award.objects.not_withdrawn().values_list("funder_id", flat=True).distinct():
        awards = list(Award.objects.with_parties().filter(funder_id=funder_id))
        if fmt == "json":
            files[funder_id] = json.dumps(export.package(awards, withdrawn="omit")).encode()
        else:
            header, rows = export.table(export.grants(awards, withdrawn="omit"))
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
            files[funder_id] = out.getvalue().encode()
    JointReview.objects.all().delete()
    Redistribution.objects.all().delete()
    Award.objects.all().delete()

    funders = Organisation.objects.in_bulk(files.keys())
    for funder_id, content in files.items():
        result = grants_import(name=f"awards.{fmt}", content=content, funder=funders[funder_id])
        assert result.organisations_created == 0
    assert _snapshot() == before
    assert set(Award.objects.values_list("source", flat=True)) == {AwardSource.IMPORTED}
    # And once more: nothing changes.
    for funder_id, content in files.items():
        result = grants_import(name=f"awards.{fmt}", content=content, funder=funders[funder_id])
        assert (result.created, result.updated) == (0, 0)
    assert _snapshot() == before
