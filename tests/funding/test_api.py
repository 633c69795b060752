"""funding/views/api.py (GET /api/v1/grants) and the monitoring API answer like every other open-data
endpoint (common.api): the one error shape, CORS, GET and HEAD only, and the one paging envelope."""

import datetime

import pytest
from django.urls import reverse

from common.api import BAD_PAGE, PAGE_NOT_FOUND, READ_ONLY
from compact_portal.openapi import build_openapi_document
from funding.views import api
from tests.openapi_support import assert_matches

from .factories import AwardFactory

pytestmark = pytest.mark.django_db

GRANTS = reverse("funding:grants-api")
MONITORING = reverse("funding:monitoring-api")
ELIGIBILITY = reverse("organisations:api-eligibility")


@pytest.mark.parametrize(
    "query, errors",
    [
        ({"from": "01/05/2025"}, {"from": ["from must be a date written YYYY-MM-DD."]}),
        ({"page": "0"}, {"page": [BAD_PAGE]}),
        ({"page": "2"}, {"page": [PAGE_NOT_FOUND.format(page=2, last=1)]}),
    ],
)
def test_bad_grants_queries_get_400_under_the_parameter_as_the_document_says(world, client, query, errors):
    response = client.get(GRANTS, query)
    assert response.status_code == 400 and response.json() == {"errors": errors}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_matches(build_openapi_document(), "/api/v1/grants", response)


def test_the_grants_the_monitoring_and_the_organisations_apis_give_one_error_shape_and_cors(world, client):
    unknown = "There is no Compact “nowhere”"
    for path in (GRANTS, MONITORING, ELIGIBILITY):
        response = client.get(path, {"compact": "nowhere", "members": 1, "bme_members": 1, "undisclosed_members": 0})
        assert response.status_code == 400 and response["Access-Control-Allow-Origin"] == "*", path
        assert list(response.json()) == ["errors"] and list(response.json()["errors"]) == ["compact"], path
        assert response.json()["errors"]["compact"][0].startswith(unknown), path
        assert_matches(build_openapi_document(), path, response)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("path", [GRANTS, MONITORING])
def test_the_funding_apis_only_read(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json() == {"errors": {"__all__": [READ_ONLY]}}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_grants_api_pages_with_the_common_envelope(world, client, monkeypatch):
    monkeypatch.setattr(api, "API_PAGE_SIZE", 2)
    for day in (1, 2, 3):
        AwardFactory(funder=world.council, award_date=datetime.date(2025, 6, day))
    first = client.get(GRANTS, {"funder": world.council.org_id})
    assert first["Access-Control-Allow-Origin"] == "*"
    meta = first.json()["meta"]
    assert {k: meta[k] for k in ("count", "page", "pages", "page_size", "previous")} == {
        "count": 3,
        "page": 1,
        "pages": 2,
        "page_size": 2,
        "previous": None,
    }
    assert meta["next"] == f"http://testserver/api/v1/grants?funder={world.council.org_id}&page=2"
    last = client.get(meta["next"])
    assert [g["awardDate"] for g in last.json()["grants"]] == ["2025-06-03"] and last.json()["meta"]["next"] is None
    assert_matches(build_openapi_document(), "/api/v1/grants", last)


def test_a_compacts_grants_are_those_its_monitoring_counts_made_while_the_funder_had_signed(world, client):
    """One rule (funding.selectors.scope.funding_scope) for the list, its downloads, /api/v1/grants and
    the monitoring figures: an award made after the funder withdrew is not made under the Compact."""
    from organisations.models import Signatory

    Signatory.objects.filter(compact=world.compact, organisation=world.council).update(
        withdrawn_on=datetime.date(2025, 7, 1)
    )
    AwardFactory(funder=world.council, recipient=world.group, award_date=datetime.date(2025, 6, 2), amount=1000)
    AwardFactory(funder=world.council, recipient=world.group, award_date=datetime.date(2025, 8, 4), amount=2000)
    grants = client.get(GRANTS, {"compact": world.compact.slug}).json()["grants"]
    assert [g["awardDate"] for g in grants] == ["2025-06-02"]
    assert sorted(g["awardDate"] for g in client.get(GRANTS).json()["grants"]) == ["2025-06-02", "2025-08-04"]
