"""The portal's OpenAPI 3.1 document, served at /api/v1/openapi.json.

Assembled here, in the project package, because only the project knows every app: each app in
settings.LOCAL_APPS that has an `openapi.py` contributes its PATHS and SCHEMAS, and the error shape
every endpoint answers with (common.api.ERRORS_SCHEMA) is added once, under the name "Errors".
"""

from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

from common.api import ERRORS_SCHEMA, ERRORS_SCHEMA_NAME, json_response, open_data
from common.apps_modules import app_modules

DOCUMENT_PATH = "/api/v1/openapi.json"
DOCUMENT_PATHS = {
    DOCUMENT_PATH: {
        "get": {
            "operationId": "getOpenApiDocument",
            "summary": "This document",
            "tags": ["About the API"],
            "responses": {
                "200": {
                    "description": "The OpenAPI 3.1 document for the portal's open data.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        }
    }
}


def _fragments() -> Iterator[tuple[str, dict, dict]]:
    yield "common", DOCUMENT_PATHS, {ERRORS_SCHEMA_NAME: ERRORS_SCHEMA}
    for label, module in app_modules("openapi"):
        yield label, getattr(module, "PATHS", {}), getattr(module, "SCHEMAS", {})


def build_openapi_document() -> dict:
    paths: dict = {}
    schemas: dict = {}
    for label, app_paths, app_schemas in _fragments():
        for kind, collected, fragment in (("path", paths, app_paths), ("schema", schemas, app_schemas)):
            # Two apps giving one name different meanings would silently break the other's
            # references: refuse, so the OpenAPI tests fail instead.
            clashes = [name for name in fragment if name in collected and collected[name] != fragment[name]]
            if clashes:
                raise ImproperlyConfigured(f"{label}.openapi redefines the {kind} {', '.join(clashes)}")
            collected.update(fragment)
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Compact compliance portal open data",
            "version": "1.0.0",
            "description": (
                "Read-only open data from the Compact compliance portal. No key is needed; any website may "
                "read it from a browser (CORS), with GET or HEAD (other methods get 405). Invalid input gets "
                "400 with the messages under the parameter they are about: "
                '{"errors": {"page": ["Enter a page number of 1 or more"]}}. Dates are Europe/London; shares '
                "and amounts are decimal strings, never floating point."
            ),
            "license": {"name": "Open Government Licence v3.0", "identifier": "OGL-UK-3.0"},
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(schemas.items()))},
    }


@open_data
def openapi_document(request: HttpRequest) -> HttpResponse:
    return json_response(build_openapi_document())
