"""Reading a published 360Giving file (spreadsheet CSV or JSON package) into checked grants.

Every grant is checked on its own and every problem is kept, with where it is (CSV line number or
grant identifier), so that a refused file can be fixed in one go. Nothing here touches the database.

Why not flattentool: it converts whole spreadsheets to JSON through the schema, but it brings lxml,
openpyxl, odfpy and a schema fetcher for a job that here is 17 fixed columns, and its warnings are not
tied to line numbers in the way an officer fixing a file needs. The column titles still come from the
standard's own schema (`column_title`), as flattentool's would.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from funding.dates import whole_months

from .schema import column_title, currency_codes, grant_validator

# Fields read from each grant: (key, path in the grant JSON). CSV columns are their schema titles.
FIELDS = {
    "id": ("id",),
    "title": ("title",),
    "description": ("description",),
    "currency": ("currency",),
    "amount": ("amountAwarded",),
    "award_date": ("awardDate",),
    "planned_start": ("plannedDates", "startDate"),
    "planned_end": ("plannedDates", "endDate"),
    "planned_duration": ("plannedDates", "duration"),
    "recipient_id": ("recipientOrganization", "id"),
    "recipient_name": ("recipientOrganization", "name"),
    "recipient_charity": ("recipientOrganization", "charityNumber"),
    "recipient_company": ("recipientOrganization", "companyNumber"),
    "recipient_postcode": ("recipientOrganization", "postalCode"),
    "recipient_individual": ("recipientIndividual", "id"),
    "funder_id": ("fundingOrganization", "id"),
    "funder_name": ("fundingOrganization", "name"),
    "programme_title": ("grantProgramme", "title"),
}
REQUIRED = ["id", "title", "description", "currency", "amount", "award_date", "funder_id", "funder_name"]
# Top-level grant fields whose problems the checks below explain in their own words; the schema
# speaks for every other field of a JSON grant.
CHECKED_PROPERTIES = {path[0] for path in FIELDS.values()}

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
MAX_TITLE = 300
MAX_NUMBER = 20  # charity and company numbers, as the organisations app stores them
MAX_IDENTIFIER = 80
MAX_GRANT_IDENTIFIER = 200

FILE_NOT_UTF8 = "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."
FILE_NOT_JSON = "The file is not valid JSON: {error}."
FILE_NO_GRANTS = "The file has no grants: a 360Giving JSON file is an object with a “grants” list."
FILE_EMPTY = "The file has no grants in it."
MISSING_COLUMN = "The file has no “{title}” column, which the 360Giving standard requires."
MISSING_VALUE = "{title} is missing."
BAD_DATE = "{title} “{value}” is not a date: write dates as YYYY-MM-DD, for example 2024-04-01."
BAD_AMOUNT = "{title} “{value}” is not a number: write amounts without £ signs or commas, for example 1500.50."
NEGATIVE_AMOUNT = "{title} {value} is negative: an award must be more than £0."
ZERO_AMOUNT = "{title} is 0: an award must be more than £0."
TOO_PRECISE = "{title} {value} has fractions of a penny."
UNKNOWN_CURRENCY = "Currency “{value}” is not an ISO 4217 currency code."
NOT_GBP = "Currency is {value}: the portal records awards in pounds sterling (GBP) only."
DUPLICATE_ID = "Identifier {value} is used more than once in the file (also {other})."
INDIVIDUAL = "This is a grant to an individual: the portal records grants to organisations only."
NO_RECIPIENT = "Recipient Org:Identifier and Recipient Org:Name are missing."
OTHER_FUNDER = "This grant is from {name} ({identifier}), not {funder}: import each funder's grants under that funder."
END_BEFORE_START = "Planned Dates:End Date is before Planned Dates:Start Date."
TOO_LONG = "{title} “{value}” is too long to be one."
TITLE_TOO_LONG = "Title is longer than {max} characters."
NOT_AN_OBJECT = "This grant is not a JSON object."
SCHEMA_PROBLEM = "{title}: {message}"


@dataclass
class Problem:
    where: str
    message: str


@dataclass
class RawGrant:
    where: str
    values: dict
    position: str = ""  # "line 4" or "grant number 4", to point at the first of two duplicates
    document: dict | None = None  # the JSON grant, for schema validation


@dataclass
class OrganisationRef:
    identifier: str
    name: str
    charity_number: str = ""
    company_number: str = ""
    postcode: str = ""


@dataclass
class CheckedGrant:
    where: str
    identifier: str
    title: str
    description: str
    amount: Decimal
    award_date: date
    planned_start: date | None
    planned_end: date | None
    planned_months: int | None
    recipient: OrganisationRef
    funder_identifier: str
    programme_title: str


@dataclass
class ReadResult:
    grants: list[CheckedGrant] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def title_of(key: str) -> str:
    return column_title(*FIELDS[key])


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _lookup(document: dict, path: tuple[str, ...]):
    """The value at `path`, taking the first item of a list of objects (as the spreadsheet does)."""
    node = document
    for name in path:
        if isinstance(node, list):
            node = node[0] if node else None
        node = node.get(name) if isinstance(node, dict) else None
    return node


# --- Reading files into raw grants -----------------------------------------------------------------


def read_csv(content: bytes) -> tuple[list[RawGrant], list[Problem]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem("File", FILE_NOT_UTF8)]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        return [], [Problem("File", FILE_EMPTY)]
    wanted = {" ".join(title_of(key).split()).casefold(): key for key in FIELDS}
    columns = {}
    for index, title in enumerate(header):
        key = wanted.get(" ".join(title.split()).casefold())
        if key and key not in columns:
            columns[key] = index
    missing = [key for key in REQUIRED if key not in columns]
    if "recipient_id" not in columns and "recipient_individual" not in columns:
        missing += ["recipient_id", "recipient_name"]
    if missing:
        return [], [Problem("Line 1 (column titles)", MISSING_COLUMN.format(title=title_of(key))) for key in missing]
    grants = []
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num  # a quoted cell may span several lines
        if not any(cell.strip() for cell in row):
            continue
        values = {key: row[index] if index < len(row) else "" for key, index in columns.items()}
        grants.append(RawGrant(where=f"Line {start}", values=values, position=f"line {start}"))
    return grants, []


def read_json(content: bytes) -> tuple[list[RawGrant], list[Problem]]:
    try:
        # Decimals, not floats: 0.1 + 0.2 pounds must stay 30 pence.
        data = json.loads(content.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        return [], [Problem("File", FILE_NOT_UTF8)]
    except json.JSONDecodeError as exc:
        return [], [Problem("File", FILE_NOT_JSON.format(error=exc))]
    if not isinstance(data, dict) or not isinstance(data.get("grants"), list):
        return [], [Problem("File", FILE_NO_GRANTS)]
    grants = []
    for number, document in enumerate(data["grants"], start=1):
        if not isinstance(document, dict):
            grants.append(RawGrant(where=f"Grant number {number}", values={}, position=f"grant number {number}"))
            continue
        identifier = _text(document.get("id"))
        where = f"Grant {identifier}" if identifier else f"Grant number {number} (no identifier)"
        values = {key: _lookup(document, path) for key, path in FIELDS.items()}
        grants.append(RawGrant(where=where, values=values, position=f"grant number {number}", document=document))
    return grants, []


def read_file(name: str, content: bytes) -> tuple[list[RawGrant], list[Problem]]:
    if name.lower().endswith(".json") or content.lstrip()[:1] == b"{":
        return read_json(content)
    return read_csv(content)


# --- Checking one grant -------------------------------------------------------------------------------


def parse_date(value) -> date | None:
    """A 360Giving date: YYYY-MM-DD or a full date-time whose calendar date is taken as written."""
    match = ISO_DATE.match(_text(value))
    if not match:
        raise ValueError
    return date(*(int(part) for part in match.groups()))


def parse_amount(value) -> Decimal:
    if isinstance(value, bool):
        raise InvalidOperation
    amount = Decimal(value) if isinstance(value, (int, Decimal)) else Decimal(_text(value))
    if not amount.is_finite():
        raise InvalidOperation
    return amount


def check_grant(raw: RawGrant, *, funder_identifier: str, funder_name: str) -> tuple[CheckedGrant | None, list[str]]:
    if raw.document is None and not raw.values:
        return None, [NOT_AN_OBJECT]
    v = raw.values
    problems = []
    for key in ("id", "title", "description", "currency", "funder_id"):
        if not _text(v.get(key)):
            problems.append(MISSING_VALUE.format(title=title_of(key)))
    if len(_text(v.get("id"))) > MAX_GRANT_IDENTIFIER:
        problems.append(TOO_LONG.format(title=title_of("id"), value=_text(v.get("id"))[:40] + "…"))
    if len(_text(v.get("title"))) > MAX_TITLE:
        problems.append(TITLE_TOO_LONG.format(max=MAX_TITLE))

    currency = _text(v.get("currency")).upper()
    if currency and currency not in currency_codes():
        problems.append(UNKNOWN_CURRENCY.format(value=_text(v.get("currency"))))
    elif currency and currency != "GBP":
        problems.append(NOT_GBP.format(value=currency))

    amount = None
    if _text(v.get("amount")) == "":
        problems.append(MISSING_VALUE.format(title=title_of("amount")))
    else:
        try:
            amount = parse_amount(v["amount"])
        except (InvalidOperation, ValueError, TypeError):
            problems.append(BAD_AMOUNT.format(title=title_of("amount"), value=_text(v["amount"])))
        else:
            if amount < 0:
                problems.append(NEGATIVE_AMOUNT.format(title=title_of("amount"), value=amount))
            elif amount == 0:
                problems.append(ZERO_AMOUNT.format(title=title_of("amount")))
            elif amount != amount.quantize(Decimal("0.01")):
                problems.append(TOO_PRECISE.format(title=title_of("amount"), value=amount))

    dates = {}
    for key in ("award_date", "planned_start", "planned_end"):
        if _text(v.get(key)) == "":
            dates[key] = None
            if key == "award_date":
                problems.append(MISSING_VALUE.format(title=title_of(key)))
            continue
        try:
            dates[key] = parse_date(v[key])
        except ValueError:
            dates[key] = None
            problems.append(BAD_DATE.format(title=title_of(key), value=_text(v[key])))
    start, end = dates["planned_start"], dates["planned_end"]
    if start and end and end < start:
        problems.append(END_BEFORE_START)
    months = whole_months(start, end) if start and end else None
    if months is None and start and _text(v.get("planned_duration")).isdigit():
        # A start date and a duration, the standard's other way of giving planned dates.
        months = int(_text(v["planned_duration"]))

    recipient = None
    if _text(v.get("recipient_individual")) and not _text(v.get("recipient_id")):
        problems.append(INDIVIDUAL)
    elif not _text(v.get("recipient_id")) or not _text(v.get("recipient_name")):
        problems.append(
            NO_RECIPIENT
            if not _text(v.get("recipient_id")) and not _text(v.get("recipient_name"))
            else MISSING_VALUE.format(
                title=title_of("recipient_id" if not _text(v.get("recipient_id")) else "recipient_name")
            )
        )
    elif (
        any(len(_text(v.get(key))) > MAX_NUMBER for key in ("recipient_charity", "recipient_company"))
        or len(_text(v.get("recipient_id"))) > MAX_IDENTIFIER
    ):
        key = next(
            k
            for k in ("recipient_id", "recipient_charity", "recipient_company")
            if len(_text(v.get(k))) > (MAX_IDENTIFIER if k == "recipient_id" else MAX_NUMBER)
        )
        problems.append(TOO_LONG.format(title=title_of(key), value=_text(v.get(key))))
    else:
        recipient = OrganisationRef(
            identifier=_text(v["recipient_id"]),
            name=_text(v["recipient_name"]),
            charity_number=_text(v.get("recipient_charity")),
            company_number=_text(v.get("recipient_company")),
            postcode=_text(v.get("recipient_postcode"))[:10],
        )

    their_funder = _text(v.get("funder_id"))
    if their_funder and their_funder != funder_identifier:
        problems.append(
            OTHER_FUNDER.format(
                name=_text(v.get("funder_name")) or "another funder",
                identifier=their_funder,
                funder=f"{funder_name} ({funder_identifier})",
            )
        )

    if raw.document is not None:
        problems += schema_problems(raw.document)
    if problems:
        return None, problems
    return CheckedGrant(
        where=raw.where,
        identifier=_text(v["id"]),
        title=_text(v["title"]),
        description=_text(v["description"]),
        amount=amount,
        award_date=dates["award_date"],
        planned_start=start,
        planned_end=end,
        planned_months=months,
        recipient=recipient,
        funder_identifier=their_funder,
        programme_title=_text(v.get("programme_title"))[:300],
    ), []


def schema_problems(document: dict) -> list[str]:
    """The standard's own schema, for the fields the checks above do not read."""
    problems = []
    for error in grant_validator().iter_errors(document):
        path = [part for part in error.absolute_path if isinstance(part, str)]
        if not path or path[0] in CHECKED_PROPERTIES:
            continue
        try:
            title = column_title(*path)
        except (KeyError, TypeError):
            title = "/".join(path)
        problems.append(SCHEMA_PROBLEM.format(title=title, message=error.message))
    return problems


def read_and_check(name: str, content: bytes, *, funder_identifier: str, funder_name: str) -> ReadResult:
    raw_grants, file_problems = read_file(name, content)
    result = ReadResult(problems=list(file_problems))
    if file_problems:
        return result
    if not raw_grants:
        result.problems.append(Problem("File", FILE_EMPTY))
        return result
    first_seen: dict[str, str] = {}
    for raw in raw_grants:
        grant, problems = check_grant(raw, funder_identifier=funder_identifier, funder_name=funder_name)
        identifier = _text(raw.values.get("id"))
        if identifier in first_seen:
            problems.append(DUPLICATE_ID.format(value=identifier, other=first_seen[identifier]))
            grant = None
        elif identifier:
            first_seen[identifier] = raw.position
        result.problems += [Problem(raw.where, message) for message in problems]
        if grant is not None and not problems:
            result.grants.append(grant)
    return result
