"""The open-data API answers as its OpenAPI document says."""

import pytest
from django.urls import reverse
from django.utils import timezone

from common.api import BAD_PAGE, PAGE_NOT_FOUND, READ_ONLY
from organisations.forms.public import NOT_TRUE_OR_FALSE
from organisations.views.api import BAD_PAGE_SIZE
from tests import factories as f
from tests.openapi_support import assert_matches

pytestmark = pytest.mark.django_db

ELIGIBILITY = reverse("organisations:api-eligibility")
ORGANISATIONS = reverse("organisations:api-organisations")


@pytest.fixture
def document(client):
    response = client.get(reverse("api-openapi"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


# --- Eligibility ----------------------------------------------------------------------------------


def test_eligibility_answers_with_the_outcome_share_threshold_and_reasoning(client, document):
    response = client.get(ELIGIBILITY, {"members": 4, "bme_members": 3, "undisclosed_members": 0})
    body = response.json()
    assert {key: body[key] for key in ("outcome", "bme_share", "threshold", "explanation", "compact")} == {
        "outcome": "bme_led",
        "bme_share": "0.75",
        "threshold": "0.75",
        "explanation": "3 of 4 board members are of BME origin (75%), which meets the 75% threshold.",
        "compact": None,
    }
    # No Compact given: the portal default answers, and says so.
    assert body["rule"]["label"] == "Portal default"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_matches(document, "/api/v1/eligibility", response)


@pytest.mark.parametrize(
    "counts, outcome, share",
    [((3, 2, 0), "not_bme_led", "0.6666"), ((5, 0, 5), "undetermined", "0"), ((1, 1, 0), "bme_led", "1")],
)
def test_eligibility_outcomes(client, document, counts, outcome, share):
    members, bme, undisclosed = counts
    response = client.get(ELIGIBILITY, {"members": members, "bme_members": bme, "undisclosed_members": undisclosed})
    assert (response.json()["outcome"], response.json()["bme_share"]) == (outcome, share)
    assert_matches(document, "/api/v1/eligibility", response)


@pytest.mark.parametrize(
    "query, errors",
    [
        ({"members": 0, "bme_members": 0, "undisclosed_members": 0}, {"members": ["Enter 1 or more"]}),
        (
            {"members": 4, "bme_members": 3, "undisclosed_members": 2},
            {
                "undisclosed_members": [
                    "Members of BME origin and members who did not say add up to 5, which is more than the 4 members of the board."
                ]
            },
        ),
        (
            {"members": "x", "bme_members": 1},
            {
                "members": ["Enter a whole number, like 8"],
                "undisclosed_members": ["Enter how many board members did not say (0 if everyone said)"],
            },
        ),
    ],
)
def test_invalid_eligibility_input_gets_400_with_errors(client, document, query, errors):
    response = client.get(ELIGIBILITY, query)
    assert response.status_code == 400
    assert response.json() == {"errors": errors}
    assert_matches(document, "/api/v1/eligibility", response)


# --- Organisations --------------------------------------------------------------------------------


def test_organisations_lists_the_directory_with_todays_status(world, client, document):
    response = client.get(ORGANISATIONS)
    assert_matches(document, "/api/v1/organisations", response)
    body = response.json()
    assert (
        body["as_of"] == timezone.localdate().isoformat() and body["count"] == 6
    )  # with the second Compact's council and group
    by_name = {o["name"]: o for o in body["results"]}
    assert by_name["African Caribbean Forum"]["bme_led_status"] == "bme_led"
    assert by_name["African Caribbean Forum"]["org_id"] == "GB-CHC-1123456"
    assert by_name["Northshire Council"]["bme_led_status"] is None
    assert by_name["Polish Community Centre"]["bme_led_status"] == "no_current_declaration"
    assert by_name["African Caribbean Forum"]["url"].endswith("/organisations/african-caribbean-forum/")


def test_organisations_take_the_directorys_filters(world, client, document):
    response = client.get(ORGANISATIONS, {"status": "bme_led", "faith_based": "false"})
    assert_matches(document, "/api/v1/organisations", response)
    assert [o["name"] for o in response.json()["results"]] == ["African Caribbean Forum"]
    assert client.get(ORGANISATIONS, {"faith_based": "true"}).json()["count"] == 0


def test_organisations_are_paginated_with_links(db, client, document):
    for n in range(5):
        f.OrganisationFactory(name=f"Group {n}")
    first = client.get(ORGANISATIONS, {"page_size": 2, "sector": "voluntary"})
    assert_matches(document, "/api/v1/organisations", first)
    body = first.json()
    assert (body["count"], body["pages"], body["previous"]) == (5, 3, None)
    assert body["next"] == "http://testserver/api/v1/organisations?page_size=2&sector=voluntary&page=2"
    last = client.get(body["next"].replace("page=2", "page=3")).json()
    assert [o["name"] for o in last["results"]] == ["Group 4"] and last["next"] is None


@pytest.mark.parametrize(
    "query, errors",
    [
        ({"page": 9}, {"page": [PAGE_NOT_FOUND.format(page=9, last=1)]}),
        ({"page": "first"}, {"page": [BAD_PAGE]}),
        ({"page": 0}, {"page": [BAD_PAGE]}),
        ({"page_size": 1000}, {"page_size": [BAD_PAGE_SIZE]}),
        ({"refugee_focus": "perhaps"}, {"refugee_focus": [NOT_TRUE_OR_FALSE]}),
        ({"status": "nope"}, {"status": ["Choose one of: bme_led, not_bme_led, undetermined, no_current_declaration"]}),
    ],
)
def test_bad_organisation_queries_get_400_with_errors(world, client, document, query, errors):
    response = client.get(ORGANISATIONS, query)
    assert response.status_code == 400 and response.json() == {"errors": errors}
    assert_matches(document, "/api/v1/organisations", response)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("path", [ELIGIBILITY, ORGANISATIONS])
def test_the_api_is_read_only(world, client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json() == {"errors": {"__all__": [READ_ONLY]}}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_organisations_and_grants_give_the_same_error_shape_and_cors(world, client):
    grants = client.get(reverse("funding:grants-api"), {"page": "first"})
    organisations = client.get(ORGANISATIONS, {"page": "first"})
    for response in (grants, organisations):
        assert response.status_code == 400 and response["Access-Control-Allow-Origin"] == "*"
        assert response.json() == {"errors": {"page": [BAD_PAGE]}}


def test_organisations_query_count_does_not_grow_with_rows(db, client, django_assert_num_queries):
    for _ in range(3):
        f.OrganisationFactory()
    # ethnic groups, service areas and Compacts (filter choices), count, page with statuses, service
    # areas, communities, local authority areas
    with django_assert_num_queries(8):
        client.get(ORGANISATIONS)
    for _ in range(30):
        f.OrganisationFactory()
    with django_assert_num_queries(8):
        client.get(ORGANISATIONS)
