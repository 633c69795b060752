"""common/api.py: the one layer every JSON endpoint answers through (JSON, one error shape, CORS, GET
and HEAD only, one paging rule and envelope)."""

import json

import pytest
from django.test import RequestFactory

from common.api import (
    BAD_PAGE,
    ERRORS_SCHEMA,
    PAGE_NOT_FOUND,
    READ_ONLY,
    ApiErrors,
    error_response,
    json_response,
    open_data,
    page_of,
    paging,
)
from tests.openapi_support import validator_for

requests = RequestFactory()


@open_data
def names(request):
    """A stand-in open-data endpoint: a page of three names a page, out of seven."""
    page = page_of(request, ["Tŷ Cymunedol", "Bristol Somali Forum", *[f"Group {n}" for n in range(5)]], 3)
    return json_response({**paging(request, page), "results": list(page.object_list)})


@open_data
def refuses(request):
    return error_response({"compact": ["There is no Compact “nowhere”."]})


def body(response) -> dict:
    return json.loads(response.content)


def test_an_answer_is_utf8_json_and_readable_from_any_website():
    response = names(requests.get("/api/v1/names"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "Tŷ Cymunedol".encode() in response.content  # not \\u0177
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD"


def test_head_is_answered_like_get():
    response = names(requests.head("/api/v1/names"))
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_any_other_method_gets_405_with_allow_in_the_one_error_shape(method):
    response = getattr(requests, method)("/api/v1/names")
    answer = names(response)
    assert answer.status_code == 405
    assert answer["Allow"] == "GET, HEAD, OPTIONS"
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert body(answer) == {"errors": {"__all__": [READ_ONLY]}}


def test_a_browsers_preflight_is_told_what_it_may_do():
    request = requests.options("/api/v1/names", headers={"Access-Control-Request-Headers": "accept-language"})
    response = names(request)
    assert response.status_code == 204 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept-language"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_errors_are_listed_under_the_parameter_they_are_about_and_carry_cors():
    response = refuses(requests.get("/api/v1/refuses"))
    assert response.status_code == 400 and response["Access-Control-Allow-Origin"] == "*"
    assert body(response) == {"errors": {"compact": ["There is no Compact “nowhere”."]}}


def test_the_error_shape_matches_its_one_schema():
    document = {"components": {"schemas": {"Errors": ERRORS_SCHEMA}}}
    validator = validator_for(document, "Errors")
    validator.validate(body(refuses(requests.get("/"))))
    validator.validate(body(names(requests.post("/"))))
    assert not validator.is_valid({"errors": ["a flat list says nothing of which parameter was wrong"]})
    assert not validator.is_valid({"errors": {"page": []}})


def test_error_response_takes_any_iterable_of_messages():
    response = error_response({"from": ("from must be a date written YYYY-MM-DD.",)})
    assert body(response) == {"errors": {"from": ["from must be a date written YYYY-MM-DD."]}}


def test_the_paging_envelope_links_the_pages_either_side_keeping_the_query():
    first = body(names(requests.get("/api/v1/names", {"q": "group"})))
    assert {k: first[k] for k in ("count", "page", "pages", "page_size", "previous")} == {
        "count": 7,
        "page": 1,
        "pages": 3,
        "page_size": 3,
        "previous": None,
    }
    assert first["next"] == "http://testserver/api/v1/names?q=group&page=2"
    last = body(names(requests.get("/api/v1/names", {"q": "group", "page": 3})))
    assert last["results"] == ["Group 4"] and last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/names?q=group&page=2"


@pytest.mark.parametrize(
    "page, message",
    [("0", BAD_PAGE), ("-1", BAD_PAGE), ("first", BAD_PAGE), ("4", PAGE_NOT_FOUND.format(page=4, last=3))],
)
def test_a_page_that_is_not_there_is_an_error_never_a_guess(page, message):
    response = names(requests.get("/api/v1/names", {"page": page}))
    assert response.status_code == 400 and body(response) == {"errors": {"page": [message]}}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_api_errors_raised_inside_a_view_become_the_error_response():
    @open_data
    def view(request):
        raise ApiErrors({"__all__": ["Not today."]})

    response = view(requests.get("/"))
    assert response.status_code == 400 and body(response) == {"errors": {"__all__": ["Not today."]}}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/grants", "/api/v1/organisations", "/api/v1/eligibility"])
def test_a_post_from_anywhere_gets_the_405_answer_not_the_csrf_page(url):
    # The test client skips CSRF checks unless told; a real browser or script does not. The CSRF
    # middleware answered a POST with its HTML 403 page before the guard could say 405.
    from django.test import Client

    answer = Client(enforce_csrf_checks=True).post(url, {"members": 4})
    assert answer.status_code == 405 and answer["Allow"] == "GET, HEAD, OPTIONS"
    assert answer.json() == {"errors": {"__all__": [READ_ONLY]}}
