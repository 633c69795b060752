"""compact_portal/openapi.py: the portal's OpenAPI document, assembled from each app's openapi.py, with
the error shape (common.api) defined once, and served at the same address as ever."""

import sys
import types

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from common.api import ERRORS_SCHEMA
from compact_portal.openapi import build_openapi_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get(reverse("api-openapi"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def served_api_paths() -> set[str]:
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith("api/"):
                    found.add("/" + route)

    walk(get_resolver().url_patterns, "")
    return found


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def test_the_document_is_served_where_it_always_was():
    assert reverse("api-openapi") == "/api/v1/openapi.json"


def test_the_document_is_a_valid_openapi_3_1_document(document):
    validate(document)  # openapi-spec-validator: raises on any departure from the 3.1 schema
    assert document["openapi"].startswith("3.1.")
    assert document["info"]["title"] and document["info"]["version"]


def test_the_document_describes_every_served_api_path(document):
    assert served_api_paths() and served_api_paths() <= set(document["paths"])
    assert {"/api/v1/grants", "/api/v1/eligibility", "/api/v1/openapi.json"} <= set(document["paths"])


def test_every_schema_is_valid_json_schema_and_every_reference_resolves(document):
    for _name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
    for ref in refs(document):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[-1] in document["components"]["schemas"]


def test_every_400_answer_is_the_one_error_shape_defined_once(document):
    assert document["components"]["schemas"]["Errors"] == ERRORS_SCHEMA
    bad_requests = [
        (path, operation["responses"]["400"])
        for path, item in document["paths"].items()
        for operation in item.values()
        if "400" in operation["responses"]
    ]
    assert {path for path, _ in bad_requests} >= {"/api/v1/grants", "/api/v1/eligibility", "/api/v1/organisations"}
    for path, response in bad_requests:
        assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Errors"}, path


def test_every_operation_has_a_summary_and_a_success_response_and_ids_are_unique(document):
    ids = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            ids += [operation["operationId"]] if "operationId" in operation else []
            assert operation["summary"] and "200" in operation["responses"], (path, method)
    assert len(ids) == len(set(ids))


def test_the_document_includes_every_apps_fragment(monkeypatch):
    fragment = types.ModuleType("accounts.openapi")
    fragment.PATHS = {"/api/v1/example": {"get": {"summary": "Example", "responses": {}}}}
    fragment.SCHEMAS = {"Example": {"type": "object"}}
    monkeypatch.setitem(sys.modules, "accounts.openapi", fragment)
    document = build_openapi_document()
    assert "/api/v1/example" in document["paths"] and "/api/v1/eligibility" in document["paths"]
    assert "Example" in document["components"]["schemas"]


def test_an_app_redefining_the_error_shape_or_another_apps_schema_is_refused(monkeypatch):
    fragment = types.ModuleType("accounts.openapi")
    fragment.SCHEMAS = {"Errors": {"type": "array"}}
    monkeypatch.setitem(sys.modules, "accounts.openapi", fragment)
    with pytest.raises(ImproperlyConfigured, match="accounts.openapi redefines the schema Errors"):
        build_openapi_document()
    fragment.SCHEMAS = {"Decimal": {"type": "number"}}
    monkeypatch.setattr("django.conf.settings.LOCAL_APPS", ["organisations", "accounts"])
    with pytest.raises(ImproperlyConfigured, match="accounts.openapi redefines the schema Decimal"):
        build_openapi_document()


def test_the_document_is_read_only_open_data(client):
    response = client.post(reverse("api-openapi"))
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
