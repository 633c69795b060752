"""This app's part of the OpenAPI 3.1 document served at /api/v1/openapi.json (compact_portal/openapi.py
joins the PATHS and SCHEMAS of every app that has an `openapi.py`). Schemas are JSON Schema 2020-12;
the error shape ("Errors") and the paging envelope are common.api's."""

from common.api import PAGING_PROPERTIES, errors_response_spec

from .bme_led import Outcome
from .models import Sector

DECIMAL = {"type": "string", "pattern": r"^\d+(\.\d+)?$"}
ERRORS_RESPONSE = errors_response_spec("Invalid input: each problem is listed under the parameter it is about.")


def _count(name: str, description: str, minimum: int) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": True,
        "description": description,
        "schema": {"type": "integer", "minimum": minimum, "maximum": 1000},
    }


def _filter(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


PATHS = {
    "/api/v1/eligibility": {
        "get": {
            "operationId": "checkEligibility",
            "summary": "Apply the BME-led test to a board's counts",
            "description": (
                "Each Compact's Code sets its own test (give `compact`); without one, the portal default "
                "applies: BME-led when at least the threshold share (75% unless the portal is set "
                "otherwise) of its board are of BME origin. Undetermined: below the threshold, but it "
                "would be met if the members who did not say were of BME origin. The answer says which "
                "rule answered (`rule`: name and version). Nothing sent here is stored."
            ),
            "tags": ["Organisations"],
            "parameters": [
                _count("members", "How many people are on the board.", 1),
                _count("bme_members", "How many of them are of BME origin.", 0),
                _count("undisclosed_members", "How many did not say whether they are of BME origin.", 0),
                _filter(
                    "compact",
                    "A Compact's slug, such as plymouth: only its organisations and its own BME-led rule. "
                    "An unknown slug is a 400 error naming the Compacts there are.",
                    {"type": "string"},
                ),
            ],
            "responses": {
                "200": {
                    "description": "The outcome of the test and why.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Eligibility"}}},
                },
                "400": ERRORS_RESPONSE,
            },
        }
    },
    "/api/v1/organisations": {
        "get": {
            "operationId": "listOrganisations",
            "summary": "The directory of organisations, with BME-led status as of today",
            "description": "Verified organisations by name, with the same filters as the directory page.",
            "tags": ["Organisations"],
            "parameters": [
                _filter("q", "Part of the name, or a whole org-id identifier.", {"type": "string", "maxLength": 200}),
                _filter(
                    "compact",
                    "A Compact's slug, such as plymouth: only its organisations and its own BME-led rule. "
                    "An unknown slug is a 400 error naming the Compacts there are.",
                    {"type": "string"},
                ),
                _filter("sector", "Sector.", {"type": "string", "enum": Sector.values}),
                _filter(
                    "status",
                    "BME-led status today (leaves out public bodies, which have none).",
                    {"type": "string", "enum": Outcome.values},
                ),
                _filter("community", "Code of an ONS 2021 ethnic group served.", {"type": "string"}),
                _filter("service_area", "Slug of a kind of work.", {"type": "string"}),
                _filter("faith_based", "Faith-based organisations (true) or others (false).", {"type": "boolean"}),
                _filter(
                    "refugee_focus",
                    "Organisations working mainly with refugees and people seeking asylum (true) or others (false).",
                    {"type": "boolean"},
                ),
                _filter("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
                _filter(
                    "page_size",
                    "Organisations per page.",
                    {"type": "integer", "minimum": 1, "maximum": 100, "default": 25},
                ),
            ],
            "responses": {
                "200": {
                    "description": "One page of organisations.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationPage"}}},
                },
                "400": ERRORS_RESPONSE,
            },
        }
    },
}

SCHEMAS = {
    "Decimal": {**DECIMAL, "description": 'A number as a decimal string, such as "0.75".'},
    "Eligibility": {
        "type": "object",
        "required": ["outcome", "bme_share", "threshold", "explanation", "compact", "rule"],
        "additionalProperties": False,
        "properties": {
            "outcome": {
                "type": "string",
                "enum": [Outcome.BME_LED.value, Outcome.NOT_BME_LED.value, Outcome.UNDETERMINED.value],
            },
            "bme_share": {
                "$ref": "#/components/schemas/Decimal",
                "description": "Members of BME origin ÷ members; exact up to 4 decimal places, otherwise rounded down.",
            },
            "threshold": {"$ref": "#/components/schemas/Decimal"},
            "explanation": {"type": "string", "description": "The reasoning in plain English."},
            "compact": {"type": ["string", "null"], "description": "The Compact whose rule answered, or null."},
            "rule": {"$ref": "#/components/schemas/BmeRule"},
        },
    },
    "BmeRule": {
        "type": "object",
        "description": "Which BME-led rule answered: a Compact's own definition (beside its Code) or the portal default.",
        "required": ["name", "version", "label", "threshold", "strictly_more"],
        "properties": {
            "name": {"type": "string"},
            "version": {"type": "string"},
            "label": {"type": "string"},
            "threshold": {"$ref": "#/components/schemas/Decimal"},
            "strictly_more": {"type": "boolean", "description": "More than the threshold, not at least it."},
            "code": {"type": ["string", "null"], "description": "The slug of the Code it belongs to."},
            "portal_reading": {
                "type": "boolean",
                "description": "True when the rule is the portal's reading of a Code that sets no numeric test.",
            },
            "basis": {"type": "string", "description": "The clauses it rests on."},
            "serving_organisations_count": {"type": "boolean"},
            "transition_months": {
                "type": "integer",
                "description": "Months an organisation stays BME-led after its declaration lapses or its board "
                "changes (0: none).",
            },
            "clauses": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
        },
    },
    "NamedCode": {
        "type": "object",
        "required": ["name"],
        "properties": {"code": {"type": "string"}, "slug": {"type": "string"}, "name": {"type": "string"}},
    },
    "Organisation": {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "org_id",
            "name",
            "sector",
            "faith_based",
            "refugee_focus",
            "communities_served",
            "service_areas",
            "bme_led_status",
            "declaration_effective_date",
            "transition_until",
            "url",
        ],
        "properties": {
            "org_id": {"type": "string", "description": "org-id.guide identifier, such as GB-CHC-1123456."},
            "name": {"type": "string"},
            "sector": {"type": "string", "enum": Sector.values},
            "legal_form": {"type": ["string", "null"]},
            "public_body_type": {"type": ["string", "null"]},
            "charity_number": {"type": ["string", "null"]},
            "company_number": {"type": ["string", "null"]},
            "postcode": {"type": ["string", "null"]},
            "areas": {
                "type": "array",
                "description": "Local authority areas it works in (ONS codes); empty: not recorded, or national only.",
                "items": {"$ref": "#/components/schemas/NamedCode"},
            },
            "works_nationally": {"type": "boolean"},
            "website": {"type": ["string", "null"], "format": "uri"},
            "faith_based": {"type": "boolean"},
            "refugee_focus": {"type": "boolean"},
            "communities_served": {"type": "array", "items": {"$ref": "#/components/schemas/NamedCode"}},
            "service_areas": {"type": "array", "items": {"$ref": "#/components/schemas/NamedCode"}},
            "bme_led_status": {
                "description": "The BME-led test today; null for public bodies, which it does not apply to.",
                "oneOf": [{"type": "string", "enum": Outcome.values}, {"type": "null"}],
            },
            "declaration_effective_date": {
                "description": "The date the board declaration behind the status describes; null when there is none.",
                "oneOf": [{"type": "string", "format": "date"}, {"type": "null"}],
            },
            "transition_until": {
                "description": "Set when the organisation is BME-led today only because it is within its "
                "Compact's transition period after a declaration lapsed or a board changed: the last day "
                "that period covers. Null otherwise, and always null without compact=.",
                "oneOf": [{"type": "string", "format": "date"}, {"type": "null"}],
            },
            "url": {"type": "string", "format": "uri", "description": "The organisation's page in the portal."},
        },
    },
    "OrganisationPage": {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "as_of",
            "threshold",
            "compact",
            "rule",
            "count",
            "page",
            "pages",
            "page_size",
            "next",
            "previous",
            "results",
        ],
        "properties": {
            "as_of": {"type": "string", "format": "date", "description": "The date the statuses are for."},
            "threshold": {"$ref": "#/components/schemas/Decimal"},
            "compact": {"type": ["string", "null"], "description": "The Compact filtered on, or null for all."},
            "rule": {"$ref": "#/components/schemas/BmeRule"},
            **PAGING_PROPERTIES,
            "page_size": {"type": "integer", "minimum": 1, "maximum": 100},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
        },
    },
}
