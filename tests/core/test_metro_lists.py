"""Lists that stay fast as rows grow (issue 17, item 3): the awards list's funder filter."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Award
from tests import factories as f

pytestmark = pytest.mark.django_db


def _award(n, funder, recipient):
    return Award.objects.create(
        identifier=f"360G-test-{n}",
        title=f"Grant {n}",
        description="Test",
        amount=Decimal(1000),
        award_date=datetime.date(2025, 5, 1),
        funder=funder,
        recipient=recipient,
    )


def test_the_funder_filter_lists_each_funder_once_by_name_found_with_exists(world, client):
    zebra = f.PublicBodyFactory(name="Zebra Borough Council", slug="zebra")
    for n in range(3):
        _award(n, world.council, world.group)
    _award(9, zebra, world.group)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("funding:award-list")).content.decode()
    options = page.split('<option value="">All funders</option>')[1].split("</select>")[0]
    assert options.count("Northshire Council") == 1
    assert options.index("Northshire Council") < options.index("Zebra Borough Council")
    assert "Northshire NHS Trust" not in options  # a public body that has made no award
    funder_query = next(q["sql"] for q in queries.captured_queries if "Zebra" not in q["sql"] and "EXISTS" in q["sql"])
    assert "DISTINCT" not in funder_query.upper()
