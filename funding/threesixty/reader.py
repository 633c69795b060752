"""Checking each published grant: refused only when it cannot be used, otherwise kept with warnings.

A grant is refused (with where it is and its identifier) when the portal cannot hold it as an award:
no identifier, no usable amount, award date or currency, no recipient organisation, or the wrong
funder. Every other problem is a warning kept on the grant: the grant is imported as published and
GrantNav-style flags say what is wrong with it. Nothing here touches the database.

Why not flattentool: it converts whole spreadsheets through the schema but brings lxml, odfpy and a
schema fetcher, and its messages are not tied to the line an officer must fix. `flat` reads columns
by the standard's own titles, as flattentool does.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache
from typing import Any

from funding.dates import whole_months
from organisations.identifiers import (
    is_valid_charity_number,
    is_valid_company_number,
    normalise_company_number,
    normalise_number,
)

from .messages import (  # noqa: F401  (the checks' words, also read by tests as reader.<NAME>)
    BAD_AMOUNT,
    BAD_DATE,
    BAD_PLANNED_DATE,
    DUPLICATE_ID,
    END_BEFORE_START,
    INDIVIDUAL,
    MISSING_COLUMN,
    MISSING_TEXT,
    MISSING_VALUE,
    NEGATIVE_AMOUNT,
    NO_RECIPIENT,
    NOT_A_NUMBER_OF_KIND,
    NOT_AN_OBJECT,
    NUMBER_DISAGREES,
    NUMBER_SHARED,
    OTHER_FUNDER,
    ROUNDED,
    SCHEMA_PROBLEM,
    TITLE_TOO_LONG,
    TOO_LONG,
    TWO_NUMBERS,
    UNKNOWN_CURRENCY,
    ZERO_AMOUNT,
)
from .schema import column_title, currency_codes, field_problems

# Fields read from each grant: (key, path in the grant JSON).
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
# Columns a spreadsheet must have for any grant in it to be usable.
REQUIRED_COLUMNS = ["id", "currency", "amount", "award_date"]
# Money fields whose float noise (41133.770000000004) is rounded to the penny.
MONEY = ("amountAwarded", "amountAppliedFor", "amountDisbursed")
# Top-level fields whose problems the checks below explain in their own words.
CHECKED_PROPERTIES = {path[0] for path in FIELDS.values()}

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
MAX_TITLE = 300
MAX_IDENTIFIER = 80
MAX_GRANT_IDENTIFIER = 200
PENNY = Decimal("0.01")


@dataclass
class Problem:
    where: str
    message: str
    identifier: str = ""


@dataclass
class OrganisationRef:
    identifier: str
    name: str
    charity_number: str = ""  # as published
    company_number: str = ""
    postcode: str = ""
    usable_charity: str = ""  # the numbers that can be trusted to match (valid, agreeing with the id)
    usable_company: str = ""


@dataclass
class CheckedGrant:
    where: str
    identifier: str
    title: str
    description: str
    currency: str
    amount: Decimal
    award_date: date
    planned_start: date | None
    planned_end: date | None
    planned_months: int | None
    recipient: OrganisationRef
    funder_identifier: str
    funder_name: str
    programme_title: str
    document: dict  # the grant as published (amounts to the penny), to export back
    warnings: list[str] = field(default_factory=list)


@cache
def title_of(key: str) -> str:
    return column_title(*FIELDS[key])


def text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def lookup(document: dict, path: tuple[str, ...]):
    """The value at `path`, taking the first item of a list of objects (as the spreadsheet does)."""
    node: Any = document
    for name in path:
        if isinstance(node, list):
            node = node[0] if node else None
        node = node.get(name) if isinstance(node, dict) else None
    return node


def parse_date(value) -> date:
    """A 360Giving date: YYYY-MM-DD or a full date-time whose calendar date is taken as written."""
    match = ISO_DATE.match(text(value))
    if not match:
        raise ValueError
    return date(*(int(part) for part in match.groups()))


def parse_amount(value) -> Decimal:
    if isinstance(value, bool):
        raise InvalidOperation
    amount = (
        Decimal(value)
        if isinstance(value, (int, Decimal))
        else Decimal(repr(value) if isinstance(value, float) else text(value))
    )
    if not amount.is_finite():
        raise InvalidOperation
    return amount


def json_number(amount: Decimal) -> int | float:
    """Amounts are JSON numbers. Sums of money below 10 trillion survive a float exactly (fewer than
    15 significant digits), and whole amounts are written without a fraction."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def plain(value):
    """A decoded JSON value with Decimals turned back into JSON numbers, for storing."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return json_number(value)
    return value


def _numbers_in_identifier(identifier: str) -> tuple[str, str]:
    """(kind, number) an org-id names: GB-CHC-123 → charity 123, GB-COH-01234567 → company."""
    upper = normalise_number(identifier)
    for prefix, kind in (("GB-CHC-", "charity"), ("GB-SC-", "charity"), ("GB-NIC-", "charity")):
        if upper.startswith(prefix) and is_valid_charity_number(upper[len(prefix) :]):
            number = upper[len(prefix) :]
            return kind, f"NIC{number}" if prefix == "GB-NIC-" and number.isdigit() else number
    for prefix in ("GB-COH-", "GB-MPR-"):
        if upper.startswith(prefix) and is_valid_company_number(upper[len(prefix) :]):
            return "company", normalise_company_number(upper[len(prefix) :])
    return "", ""


def _recipient_numbers(ref: OrganisationRef, warnings: list[str]) -> None:
    """Which published numbers can be used to match, with a warning for each that cannot."""
    id_kind, id_number = _numbers_in_identifier(ref.identifier)
    for kind, published, valid, normal, key in (
        ("charity", ref.charity_number, is_valid_charity_number, normalise_number, "recipient_charity"),
        ("company", ref.company_number, is_valid_company_number, normalise_company_number, "recipient_company"),
    ):
        usable = id_number if id_kind == kind else ""
        if published:
            if not valid(published):
                warnings.append(NOT_A_NUMBER_OF_KIND.format(title=title_of(key), value=published, kind=kind))
            elif usable and normal(published) != usable:
                warnings.append(
                    NUMBER_DISAGREES.format(
                        title=title_of(key), number=published, identifier=ref.identifier, kind=kind, other=usable
                    )
                )
                usable = ""  # two numbers for one organisation: neither is trusted for matching
            else:
                usable = normal(published)
        setattr(ref, f"usable_{kind}", usable)


def _round_money(document: dict, warnings: list[str]) -> None:
    for name in MONEY:
        value = document.get(name)
        if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
            amount = parse_amount(value)
            rounded = amount.quantize(PENNY, rounding=ROUND_HALF_EVEN)
            if rounded != amount:
                warnings.append(ROUNDED.format(title=column_title(name), value=value, rounded=rounded))
                document[name] = rounded


def check_grant(
    document, *, funder_identifier: str = "", funder_name: str = ""
) -> tuple[CheckedGrant | None, list[str], list[str]]:
    """(grant or None, refusals, warnings) for one published grant. With a funder given, grants of
    other funders are refused; without one each grant is imported under its own funder."""
    if not isinstance(document, dict):
        return None, [NOT_AN_OBJECT], []
    v = {key: lookup(document, path) for key, path in FIELDS.items()}
    errors, warnings = [], []
    for key in ("id", "currency"):
        if not text(v[key]):
            errors.append(MISSING_VALUE.format(title=title_of(key)))
    if len(text(v["id"])) > MAX_GRANT_IDENTIFIER:
        errors.append(TOO_LONG.format(title=title_of("id"), value=text(v["id"])[:40] + "…"))
    for key in ("title", "description"):
        if not text(v[key]):
            warnings.append(MISSING_TEXT.format(title=title_of(key)))
    if len(text(v["title"])) > MAX_TITLE:
        warnings.append(TITLE_TOO_LONG.format(max=MAX_TITLE))

    currency = text(v["currency"])
    if currency and currency not in currency_codes():
        errors.append(UNKNOWN_CURRENCY.format(value=currency))

    amount = None
    if text(v["amount"]) == "":
        errors.append(MISSING_VALUE.format(title=title_of("amount")))
    else:
        try:
            amount = parse_amount(v["amount"])
        except (InvalidOperation, ValueError, TypeError):
            errors.append(BAD_AMOUNT.format(title=title_of("amount"), value=text(v["amount"])))
        else:
            if amount < 0:
                errors.append(NEGATIVE_AMOUNT.format(title=title_of("amount"), value=text(v["amount"])))
            elif amount.quantize(PENNY, rounding=ROUND_HALF_EVEN) == 0:
                errors.append(ZERO_AMOUNT.format(title=title_of("amount")))

    award_date = None
    if text(v["award_date"]) == "":
        errors.append(MISSING_VALUE.format(title=title_of("award_date")))
    else:
        try:
            award_date = parse_date(v["award_date"])
        except ValueError:
            errors.append(BAD_DATE.format(title=title_of("award_date"), value=text(v["award_date"])))

    planned: dict[str, date | None] = {}
    for key in ("planned_start", "planned_end"):
        planned[key] = None
        if text(v[key]):
            try:
                planned[key] = parse_date(v[key])
            except ValueError:
                warnings.append(BAD_PLANNED_DATE.format(title=title_of(key), value=text(v[key])))
    start, end = planned["planned_start"], planned["planned_end"]
    if start and end and end < start:
        warnings.append(END_BEFORE_START)
        end = None
    # The duration as published; only without one is it worked out from the dates.
    duration = v["planned_duration"]
    months = None
    if isinstance(duration, int) and not isinstance(duration, bool) and 0 <= duration < 32768:
        months = duration
    elif isinstance(duration, Decimal) and duration == duration.to_integral_value() and 0 <= duration < 32768:
        months = int(duration)
    elif start and end:
        months = whole_months(start, end)

    recipient = None
    if text(v["recipient_individual"]) and not text(v["recipient_id"]):
        errors.append(INDIVIDUAL)
    elif not text(v["recipient_id"]) or not text(v["recipient_name"]):
        errors.append(
            NO_RECIPIENT
            if not text(v["recipient_id"]) and not text(v["recipient_name"])
            else MISSING_VALUE.format(
                title=title_of("recipient_id" if not text(v["recipient_id"]) else "recipient_name")
            )
        )
    elif len(text(v["recipient_id"])) > MAX_IDENTIFIER:
        errors.append(TOO_LONG.format(title=title_of("recipient_id"), value=text(v["recipient_id"])))
    else:
        recipient = OrganisationRef(
            identifier=text(v["recipient_id"]),
            name=text(v["recipient_name"]),
            charity_number=text(v["recipient_charity"]),
            company_number=text(v["recipient_company"]),
            postcode=text(v["recipient_postcode"])[:10],
        )
        _recipient_numbers(recipient, warnings)

    their_funder = text(v["funder_id"])
    if not their_funder and not funder_identifier:
        errors.append(MISSING_VALUE.format(title=title_of("funder_id")))
    elif funder_identifier and their_funder and their_funder != funder_identifier:
        errors.append(
            OTHER_FUNDER.format(
                name=text(v["funder_name"]) or "another funder",
                identifier=their_funder,
                funder=f"{funder_name} ({funder_identifier})",
            )
        )

    warnings += schema_problems(document)
    if errors:
        return None, errors, warnings
    assert amount is not None and award_date is not None and recipient is not None  # else an error above
    published = dict(document)
    _round_money(published, warnings)
    return (
        CheckedGrant(
            where="",
            identifier=text(v["id"]),
            title=text(v["title"])[:MAX_TITLE],
            description=text(v["description"]),
            currency=currency,
            amount=amount.quantize(PENNY, rounding=ROUND_HALF_EVEN),
            award_date=award_date,
            planned_start=start,
            planned_end=end,
            planned_months=months,
            recipient=recipient,
            funder_identifier=their_funder or funder_identifier,
            funder_name=text(v["funder_name"]) or funder_name,
            programme_title=text(v["programme_title"])[:300],
            document=plain(published),
            warnings=warnings,
        ),
        [],
        warnings,
    )


def schema_problems(document: dict) -> list[str]:
    return field_problems(document, skip=CHECKED_PROPERTIES)
