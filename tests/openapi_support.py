"""Checking an API answer against the portal's OpenAPI document (compact_portal/openapi.py)."""

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


def validator_for(document: dict, schema_name: str) -> Draft202012Validator:
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{schema_name}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def response_schema(document: dict, path: str, status: int) -> str:
    ref = document["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[-1]


def assert_matches(document: dict, path: str, response) -> None:
    """The response's body is what the document says `path` answers with that status."""
    validator_for(document, response_schema(document, path, response.status_code)).validate(response.json())
