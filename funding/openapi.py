"""OpenAPI 3.1 description of funding's open-data endpoints, collected into /api/v1/openapi.json by
compact_portal/openapi.py. The error shape ("Errors") and the paging envelope are common.api's."""

from common.api import PAGING_PROPERTIES, errors_response_spec

_DATE = {"type": "string", "format": "date"}
_MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "description": "Pounds sterling, exact, as a decimal string."}
_FUNDER = {
    "name": "funder",
    "in": "query",
    "schema": {"type": "string"},
    "description": "A funder's organisation identifier (org-id), e.g. GB-LAE-WNT: a public body with standing, "
    "and a signatory of the Compact when `compact` is given too; anything else is a 400 error.",
}
_COMPACT = {
    "name": "compact",
    "in": "query",
    "schema": {"type": "string"},
    "description": "A Compact's slug: awards by its signatories to organisations working in its areas. "
    "An unknown slug is a 400 error naming the Compacts there are.",
}
_PERCENT = {
    "type": ["string", "null"],
    "pattern": r"^\d+\.\d$",
    "description": "Percentage to one decimal place; null when there is nothing to divide by.",
}

PATHS = {
    "/api/v1/grants": {
        "get": {
            "summary": "Awards as a 360Giving data package",
            "description": "Awards recorded or imported in the portal, as 360Giving JSON (Data Standard 1.4), "
            "500 a page, oldest award first.",
            "tags": ["funding"],
            "parameters": [
                _FUNDER,
                _COMPACT,
                {"name": "from", "in": "query", "schema": _DATE, "description": "Awarded on or after this date."},
                {"name": "to", "in": "query", "schema": _DATE, "description": "Awarded on or before this date."},
                {
                    "name": "page",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "default": 1},
                    "description": "Page number, from 1 to the last (`meta.pages`); any other is a 400 error.",
                },
            ],
            "responses": {
                "200": {
                    "description": "A 360Giving data package",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GrantPackage"}}},
                },
                "400": errors_response_spec("A bad date or page, a funder the rule refuses, or an unknown Compact"),
            },
        }
    },
    "/api/v1/funding-monitoring": {
        "get": {
            "summary": "BME funding monitoring figures",
            "description": "Every figure of the monitoring page for a period (default: the current financial year).",
            "tags": ["funding"],
            "parameters": [
                {"name": "start", "in": "query", "schema": _DATE},
                {"name": "end", "in": "query", "schema": _DATE},
                {
                    "name": "year",
                    "in": "query",
                    "schema": {"type": "integer"},
                    "description": "Financial year starting 1 April of this year.",
                },
                _FUNDER,
                _COMPACT,
            ],
            "responses": {
                "200": {
                    "description": "The figures",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FundingMonitoring"}}},
                },
                "400": errors_response_spec("A funder the rule refuses, or an unknown Compact"),
            },
        }
    },
}

_APPLICANTS = {
    "type": "object",
    "properties": {
        "applications": {"type": "integer"},
        "awarded": {"type": "integer"},
        "declined": {"type": "integer"},
        "withdrawn": {"type": "integer"},
        "awaiting_decision": {"type": "integer"},
        "approval_rate": _PERCENT,
        "average_awarded": {**_MONEY, "type": ["string", "null"]},
    },
}

SCHEMAS = {
    "GrantPackage": {
        "type": "object",
        "description": "A 360Giving data package; each grant follows the 360Giving grant schema "
        "(https://standard.threesixtygiving.org/), carried in funding/schema/.",
        "required": ["grants"],
        "properties": {
            "grants": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}},
            "version": {"type": "string"},
            "publisher": {"type": "object", "properties": {"name": {"type": "string"}}},
            "meta": {
                "type": "object",
                "description": "Paging: the same envelope as the organisations API (null links at the ends).",
                "required": list(PAGING_PROPERTIES),
                "properties": PAGING_PROPERTIES,
            },
        },
    },
    "Grant": {
        "type": "object",
        "required": [
            "id",
            "title",
            "description",
            "currency",
            "amountAwarded",
            "awardDate",
            "recipientOrganization",
            "fundingOrganization",
        ],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "currency": {"const": "GBP"},
            "amountAwarded": {"type": "number"},
            "awardDate": _DATE,
            "plannedDates": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"startDate": _DATE, "endDate": _DATE, "duration": {"type": "integer"}},
                },
            },
            "recipientOrganization": {"type": "array", "items": {"$ref": "#/components/schemas/GrantOrganisation"}},
            "fundingOrganization": {"type": "array", "items": {"$ref": "#/components/schemas/GrantOrganisation"}},
            "grantProgramme": {
                "type": "array",
                "items": {"type": "object", "properties": {"title": {"type": "string"}}},
            },
        },
    },
    "GrantOrganisation": {
        "type": "object",
        "required": ["id", "name"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "charityNumber": {"type": "string"},
            "companyNumber": {"type": "string"},
            "postalCode": {"type": "string"},
        },
    },
    "FundingMonitoring": {
        "type": "object",
        "properties": {
            "start": _DATE,
            "end": _DATE,
            "funder": {"type": ["string", "null"]},
            "compact": {"type": ["string", "null"]},
            "awards": {"type": "integer"},
            "awarded_value": _MONEY,
            "bme_led_awards": {"type": "integer"},
            "bme_led_value": _MONEY,
            "bme_led_share_by_count": _PERCENT,
            "bme_led_share_by_value": _PERCENT,
            "median_award": {**_MONEY, "type": ["string", "null"]},
            "median_award_bme_led": {**_MONEY, "type": ["string", "null"]},
            "median_award_other": {**_MONEY, "type": ["string", "null"]},
            "bme_led_applicants": _APPLICANTS,
            "other_vcs_applicants": _APPLICANTS,
            "communities_not_funded": {"type": "array", "items": {"type": "string"}},
            "service_areas_without_bme_led_funding": {"type": "array", "items": {"type": "string"}},
            "bme_led_recipients": {"type": "integer"},
            "first_time_bme_led_recipients": {"type": "integer"},
            "multi_year_awards": {"type": "integer"},
            "multi_year_share": _PERCENT,
            "withdrawals": {"type": "integer"},
            "withdrawn_value": _MONEY,
            "joint_reviews_held": {"type": "integer"},
            "joint_reviews_outstanding": {"type": "integer"},
            "redistributions_completed": {"type": "integer"},
            "alternatives_considered": {"type": "integer"},
            "redistributed_within_bme_sector": _MONEY,
            "bme_rule": {"type": "string", "description": "The Compact's BME-led rule (name and version), if one."},
            "bme_sector_includes_serving_organisations": {
                "type": "boolean",
                "description": "The bme_led_* figures also count organisations mainly serving BME communities.",
            },
        },
    },
}
