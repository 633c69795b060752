"""Awards as 360Giving open data: the JSON package, and the flat form as CSV or XLSX.

An imported grant is given back as its funder published it (recipient name and identifier, dates,
duration, every extra column), amounts to the penny. What the portal adds is said in the standard's
own terms: a withdrawn award is published at its amount after withdrawal with the reason, or left out
(settings.THREESIXTY_WITHDRAWN = "reduce" or "omit"), and a recipient that was BME-led on the award
date carries the DEI extension's leadership fields. The publisher is the funder, or the Compact when
the file holds several funders' grants, with settings.THREESIXTY_LICENCE (CC BY 4.0 by default).
"""

import copy
import io
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings

from organisations.bme_definitions import RulesBetween
from organisations.bme_led import BmeRule, Outcome, default_rule, format_percent
from organisations.models import BoardDeclaration, Signatory
from organisations.selectors import status_among

from .flat import columns, flatten, title_order
from .reader import json_number
from .schema import STANDARD_VERSION

PORTAL_NAME = "Compact compliance portal"
WITHDRAWN_NOTE = " Withdrawn on {date}: {reason}"
# The rule is the one that judged the award (each Compact's own: Plymouth's draft asks for at least
# 75%, Northamptonshire's definition more than half), never a fixed threshold.
BME_LED_DEFINITION = (
    "BME-led on the award date under the {compacts} definition ({rule}): {share} of the organisation's "
    "board are of Black and minority ethnic origin, from its board declaration current on that date."
)
DEI_PURPOSE = "To show how much funding reaches BME-led organisations, as the BME Code of Good Practice asks."
# DEI extension codes (360Giving DEI Extension codelists and the DEI Data Standard taxonomy).
ASKED_DURING_APPLICATION, ASKED_AFTER_APPLICATION, NOT_APPLICABLE = "AS200", "AS201", "AS100"
REPLY_GOT, POPULATION_GROUP_OPTIONS, RACIAL_INEQUITY = "RS200", "AO100", "DEI01"
# The columns every flat export starts with, in the order of the standard's summary template.
BASE_COLUMNS = [
    ("id",),
    ("title",),
    ("description",),
    ("currency",),
    ("amountAwarded",),
    ("awardDate",),
    ("plannedDates", "startDate"),
    ("plannedDates", "endDate"),
    ("plannedDates", "duration"),
    ("recipientOrganization", "id"),
    ("recipientOrganization", "name"),
    ("recipientOrganization", "charityNumber"),
    ("recipientOrganization", "companyNumber"),
    ("recipientOrganization", "postalCode"),
    ("fundingOrganization", "id"),
    ("fundingOrganization", "name"),
    ("grantProgramme", "title"),
]


def _recorded(award) -> dict:
    """A grant recorded in the portal (not imported), built from the award."""
    recipient = {"id": award.recipient.org_id, "name": award.recipient.name}
    for key, value in (
        ("charityNumber", award.recipient.charity_number),
        ("companyNumber", award.recipient.company_number),
        ("postalCode", award.recipient.postcode),
    ):
        if value:
            recipient[key] = value
    data = {
        "id": award.identifier,
        "title": award.title,
        "description": award.description,
        "currency": award.currency,
        "amountAwarded": json_number(award.amount),
        "awardDate": award.award_date.isoformat(),
        "recipientOrganization": [recipient],
        "fundingOrganization": [{"id": award.funder.org_id, "name": award.funder.name}],
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


def _dei(award, compacts: str, rule: BmeRule) -> dict:
    asked = ASKED_DURING_APPLICATION if award.application_id else ASKED_AFTER_APPLICATION
    return {
        "purposes": DEI_PURPOSE,
        "leadership": {
            "askedStatus": asked,
            "replyStatus": REPLY_GOT,
            "availableOptions": [POPULATION_GROUP_OPTIONS],
            "additionalDetails": BME_LED_DEFINITION.format(
                compacts=compacts,
                rule=rule.label,
                share=f"{'more than' if rule.strictly_more else 'at least'} {format_percent(rule.threshold)}",
            ),
            "response": {"taxonomyCodes": [RACIAL_INEQUITY]},
        },
        "mission": {"askedStatus": NOT_APPLICABLE},
        "project": {"askedStatus": NOT_APPLICABLE},
    }


def grant(award, *, bme_led: BmeRule | None = None, compacts: str = "", withdrawn: str | None = None) -> dict | None:
    """One award as a 360Giving grant, or None when withdrawn awards are left out. `bme_led`: the rule
    under which the recipient was BME-led on the award date, None when it was not."""
    withdrawn = withdrawn or settings.THREESIXTY_WITHDRAWN
    from funding.models import AwardStatus

    data = copy.deepcopy(award.published) if award.published else _recorded(award)
    if award.status == AwardStatus.WITHDRAWN:
        if withdrawn == "omit":
            return None
        data["amountAwarded"] = 0
        note = WITHDRAWN_NOTE.format(date=award.withdrawn_on.isoformat(), reason=award.withdrawal_reason.strip())
        data["description"] = f"{data.get('description', '')}{note}".strip()
    if bme_led is not None and "deiDetails" not in data:
        data["deiDetails"] = _dei(award, compacts or PORTAL_NAME, bme_led)
    return data


def _context(awards: list):
    """BME-led status on each award date (the rule of organisations.selectors.bme_led_status, from one
    query of declarations, under the rule of the Compact the funder and recipient share) and each
    funder's Compacts, for a list of awards."""
    declarations = defaultdict(list)
    for declaration in BoardDeclaration.objects.filter(organisation_id__in={a.recipient_id for a in awards}).order_by(
        "-effective_date", "-declared_at", "-pk"
    ):
        declarations[declaration.organisation_id].append(declaration)
    compacts = defaultdict(set)
    for funder_id, name in Signatory.objects.filter(organisation_id__in={a.funder_id for a in awards}).values_list(
        "organisation_id", "compact__name"
    ):
        compacts[funder_id].add(name)
    rules = RulesBetween(funder_ids={a.funder_id for a in awards}, organisation_ids={a.recipient_id for a in awards})
    return declarations, compacts, rules


def grants(awards: Iterable, *, withdrawn: str | None = None) -> list[dict]:
    awards = list(awards)
    declarations, compacts, rules = _context(awards)
    out = []
    for award in awards:
        status = status_among(
            declarations.get(award.recipient_id, ()),
            on_date=award.award_date,
            definition=rules.rule(award.funder_id, award.recipient_id, award.award_date),
        )
        data = grant(
            award,
            bme_led=(status.rule or default_rule()) if status.outcome == Outcome.BME_LED else None,
            compacts=" and ".join(sorted(compacts[award.funder_id])),
            withdrawn=withdrawn,
        )
        if data is not None:
            out.append(data)
    return out


def publisher(awards: list) -> dict:
    """The funder when every grant is theirs; otherwise the Compact(s) the funders sign, as aggregator."""
    funders = {a.funder_id: a.funder for a in awards}
    if len(funders) == 1:
        funder = next(iter(funders.values()))
        return {"identifier": funder.org_id, "name": funder.name}
    names = sorted(set(Signatory.objects.filter(organisation_id__in=funders).values_list("compact__name", flat=True)))
    return {"name": " and ".join(names) if names else PORTAL_NAME}


def package(awards: Iterable, *, withdrawn: str | None = None, **metadata) -> dict:
    """A 360Giving data package. The standard asks for at least one grant; an empty selection is
    still returned as `{"grants": []}` so that a filter with no results is not an error."""
    awards = list(awards)
    body = grants(awards, withdrawn=withdrawn)
    data = {
        "grants": body,
        "version": STANDARD_VERSION,
        "publisher": publisher(awards),
        "license": settings.THREESIXTY_LICENCE,
    }
    if any("deiDetails" in g for g in body):
        data["extensions"] = ["dei"]
    data.update(metadata)
    return data


# --- The flat form ---------------------------------------------------------------------------------


def _base_titles() -> list[str]:
    by_path = {path: title for title, path, _ in columns()}
    return [by_path[path] for path in BASE_COLUMNS]


def table(grant_list: list[dict]) -> tuple[list[str], list[list]]:
    """(header, rows): the base columns first, then the standard's other columns in the schema's
    order, then any other field in the order first met, so the same grants give the same table."""
    flat = [flatten(g) for g in grant_list]
    base = _base_titles()
    order = title_order()
    seen = dict.fromkeys(title for row in flat for title in row if title not in base)
    standard = sorted((t for t in seen if t in order), key=lambda t: order[t])
    extra = [t for t in seen if t not in order]
    header = base + standard + extra
    return header, [[row.get(title, "") for title in header] for row in flat]


def xlsx_bytes(grant_list: list[dict]) -> bytes:
    """The grants in the standard's spreadsheet template: one "grants" sheet, column titles in row 1."""
    import openpyxl

    header, rows = table(grant_list)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("grants")
    sheet.append(header)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
