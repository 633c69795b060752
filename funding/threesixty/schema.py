"""The 360Giving schema carried in `funding/schema/`, validated offline.

The schema files declare draft 2020-12 with an http:// address that `referencing` does not recognise
by itself, and the package schema points at the grant schema's published 1.4.2 address; both are
resolved here from the local copy so that validation never reaches for the network.
"""

import csv
import json
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .messages import SCHEMA_PROBLEM

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
GRANT_SCHEMA_FILE = SCHEMA_DIR / "360-giving-schema.json"
PACKAGE_SCHEMA_FILE = SCHEMA_DIR / "360-giving-package-schema.json"
CURRENCY_FILE = SCHEMA_DIR / "currency.csv"
# The address the 1.4.3 package schema uses for the grant schema.
GRANT_SCHEMA_REFERENCED_AS = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"
)
STANDARD_VERSION = "1.4"


@cache
def grant_schema() -> dict:
    return json.loads(GRANT_SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def package_schema() -> dict:
    return json.loads(PACKAGE_SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resource = DRAFT202012.create_resource(grant_schema())
    return Registry().with_resources([(grant_schema()["$id"], resource), (GRANT_SCHEMA_REFERENCED_AS, resource)])


@cache
def grant_validator() -> Draft202012Validator:
    return Draft202012Validator(
        grant_schema(), registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def package_validator() -> Draft202012Validator:
    return Draft202012Validator(
        package_schema(), registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def currency_codes() -> frozenset[str]:
    with CURRENCY_FILE.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["Code"] for row in csv.DictReader(handle))


def _definition(node: dict) -> dict:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return grant_schema()["$defs"][ref.removeprefix("#/$defs/")]
    return node


def column_title(*path: str) -> str:
    """The standard's spreadsheet column title for a field: the schema titles along the path joined
    with ":" (arrays of objects are flattened to their first item, as the standard's templates do).
    `column_title("recipientOrganization", "id")` is "Recipient Org:Identifier"."""
    node = grant_schema()
    titles = []
    for name in path:
        node = _definition(node)
        if node.get("type") == "array":
            node = _definition(node["items"])
        node = _definition(node["properties"][name])
        # `currency` is a bare $ref to a definition without a title; its column is "Currency".
        titles.append(node.get("title") or name.capitalize())
    return ":".join(titles)


def field_problems(document: dict, *, skip=frozenset()) -> list[str]:
    """The standard's own schema, for the grant's fields other than `skip` (those the importer's
    checks explain in their own words). Each field is checked
    on its own and the answer remembered by value: a funder's file repeats the same funder, location
    and programme on every grant, and checking each once keeps a 100,000-grant file quick."""
    problems = []
    for name, value in document.items():
        if name in skip:
            continue
        problems += _field_problems(name, json.dumps(value, sort_keys=True, default=_json_default))
    return problems


def _json_default(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value).__name__)


@lru_cache(maxsize=20_000)
def _field_problems(name: str, value_json: str) -> list[str]:
    validator = grant_validator()
    subschema = validator.schema.get("properties", {}).get(name)
    if subschema is None:
        return []  # a field the standard does not define: kept as published
    problems = []
    for error in validator.descend(json.loads(value_json), subschema, path=name):
        path = [part for part in error.absolute_path if isinstance(part, str)]
        try:
            title = column_title(*path)
        except (KeyError, TypeError):
            title = "/".join(path)
        problems.append(SCHEMA_PROBLEM.format(title=title, message=error.message))
    return problems
