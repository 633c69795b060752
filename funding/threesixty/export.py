"""Awards as 360Giving grants: the JSON package (camelCase fields) and the spreadsheet (CSV) columns.

Column titles are read from the standard's schema (`column_title`), never typed here, so the CSV
says exactly what the standard's templates say.
"""

from collections.abc import Iterable, Iterator
from decimal import Decimal

from .schema import STANDARD_VERSION, column_title

CURRENCY = "GBP"
PUBLISHER_NAME = "Compact compliance portal"

# (path in the grant, how to read it from an award) for each CSV column, in the order published.
CSV_FIELDS = [
    (("id",), lambda a: a.identifier),
    (("title",), lambda a: a.title),
    (("description",), lambda a: a.description),
    (("currency",), lambda a: CURRENCY),
    (("amountAwarded",), lambda a: a.amount),
    (("awardDate",), lambda a: a.award_date.isoformat()),
    (("plannedDates", "startDate"), lambda a: a.planned_start.isoformat() if a.planned_start else ""),
    (("plannedDates", "endDate"), lambda a: a.planned_end.isoformat() if a.planned_end else ""),
    (("plannedDates", "duration"), lambda a: a.planned_months if a.planned_months is not None else ""),
    (("recipientOrganization", "id"), lambda a: a.recipient.org_id),
    (("recipientOrganization", "name"), lambda a: a.recipient.name),
    (("recipientOrganization", "charityNumber"), lambda a: a.recipient.charity_number),
    (("recipientOrganization", "companyNumber"), lambda a: a.recipient.company_number),
    (("recipientOrganization", "postalCode"), lambda a: a.recipient.postcode),
    (("fundingOrganization", "id"), lambda a: a.funder.org_id),
    (("fundingOrganization", "name"), lambda a: a.funder.name),
    (("grantProgramme", "title"), lambda a: a.programme_name),
]


def csv_header() -> list[str]:
    return [column_title(*path) for path, _ in CSV_FIELDS]


def csv_rows(awards: Iterable) -> Iterator[list]:
    for award in awards:
        yield [read(award) for _, read in CSV_FIELDS]


def json_number(amount: Decimal) -> int | float:
    """The standard's amounts are JSON numbers. Pounds and pence up to £10 trillion survive a float
    exactly (fewer than 15 significant digits), and whole pounds are written without a fraction."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _organisation(organisation, *, recipient: bool) -> dict:
    data = {"id": organisation.org_id, "name": organisation.name}
    if recipient:
        for key, value in (
            ("charityNumber", organisation.charity_number),
            ("companyNumber", organisation.company_number),
            ("postalCode", organisation.postcode),
        ):
            if value:
                data[key] = value
    return data


def grant(award) -> dict:
    """One award as a 360Giving grant (the award's recipient, funder and programme must be loaded)."""
    data = {
        "id": award.identifier,
        "title": award.title,
        "description": award.description,
        "currency": CURRENCY,
        "amountAwarded": json_number(award.amount),
        "awardDate": award.award_date.isoformat(),
        "recipientOrganization": [_organisation(award.recipient, recipient=True)],
        "fundingOrganization": [_organisation(award.funder, recipient=False)],
    }
    planned = {}
    if award.planned_start:
        planned["startDate"] = award.planned_start.isoformat()
    if award.planned_end:
        planned["endDate"] = award.planned_end.isoformat()
    if award.planned_months is not None:
        planned["duration"] = award.planned_months
    if planned:
        data["plannedDates"] = [planned]
    if award.programme_name:
        data["grantProgramme"] = [{"title": award.programme_name}]
    return data


def package(awards: Iterable, **metadata) -> dict:
    """A 360Giving data package. The standard asks for at least one grant; an empty selection is
    still returned as `{"grants": []}` so that a filter with no results is not an error."""
    return {
        "grants": [grant(award) for award in awards],
        "version": STANDARD_VERSION,
        "publisher": {"name": PUBLISHER_NAME},
        **metadata,
    }
