"""Importing a funder's published 360Giving file: all of it, or none of it with every reason.

1. Read and check every grant (`threesixty.reader`): a problem anywhere refuses the file.
2. Group the file's recipients by org-id (Companies House numbers padded, society numbers moved
   from GB-COH to GB-MPR, so that one organisation written two ways is one).
3. Match each recipient to the portal's organisations, in one query: by org-id, else by charity or
   company number. One that matches two organisations, gives two different numbers of a kind, or
   shares a number with another new recipient is a problem; one that matches none becomes a new
   unverified organisation.
4. Match grants to the awards already held by identifier: a grant held for another funder is a
   problem; an identical one is left alone, so importing the same file twice changes nothing.
5. Write everything in one transaction, in bulk, with history.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from funding.models import Award, AwardSource, AwardStatus, FundingProgramme
from funding.threesixty.reader import CheckedGrant, OrganisationRef, Problem, read_and_check
from organisations.identifiers import company_org_id, normalise_number
from organisations.models import BoardDeclaration, LegalForm, Organisation, Sector
from organisations.selectors import status_among

TWO_MATCHES = (
    "The recipient {name} matches more than one organisation in the portal: {matches}. Correct its numbers first."
)
NUMBERS_DISAGREE = "The recipient {name} is given two different {kind} numbers in the file ({numbers})."
NUMBER_SHARED = "The {kind} number {number} is given to different recipients in the file: {names}. Correct it first."
HELD_FOR_OTHER_FUNDER = "Identifier {identifier} is already used by a grant from {funder}."

COMPARED_FIELDS = [
    "title",
    "description",
    "amount",
    "award_date",
    "planned_start",
    "planned_end",
    "planned_months",
    "recipient_id",
    "programme_id",
    "programme_title",
]


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


@dataclass
class ImportResult:
    grants: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0
    new_organisations: list[str] = field(default_factory=list)


def _company(number: str) -> str:
    number = normalise_number(number)
    return number.zfill(8) if number.isdigit() else number


# What registered numbers look like; publishers sometimes put a name after GB-COH- instead.
_CHARITY_NUMBER = re.compile(r"^(SC)?\d{5,8}(-\d+)?$")
_COMPANY_NUMBER = re.compile(r"^[A-Z]{0,2}\d{4,8}R?$")


def _numbers_from_identifier(identifier: str) -> tuple[str, str]:
    """Charity and company numbers an org-id carries (GB-CHC-123 → charity 123)."""
    upper = identifier.upper()
    for prefix, pattern, kind in (
        ("GB-CHC-", _CHARITY_NUMBER, "charity"),
        ("GB-SC-", _CHARITY_NUMBER, "charity"),
        ("GB-COH-", _COMPANY_NUMBER, "company"),
        ("GB-MPR-", _COMPANY_NUMBER, "company"),
    ):
        if upper.startswith(prefix) and pattern.match(upper[len(prefix) :]):
            number = upper[len(prefix) :]
            return (number, "") if kind == "charity" else ("", number)
    return "", ""


def _identifier(ref: OrganisationRef) -> str:
    """The org-id to give a new organisation: the publisher's, with a society number written as a
    company number (GB-COH-IP28755R) moved to the Mutuals Public Register and Companies House
    numbers padded to 8 characters."""
    if ref.identifier.upper().startswith("GB-COH-"):
        return company_org_id(ref.identifier[7:])
    return ref.identifier


def _keys(ref: OrganisationRef) -> set[tuple[str, str]]:
    charity, company = _numbers_from_identifier(ref.identifier)
    keys = {("id", ref.identifier), ("id", _identifier(ref))}
    for kind, number in (("charity", ref.charity_number or charity), ("company", ref.company_number or company)):
        if normalise_number(number):
            keys.add((kind, _company(number) if kind == "company" else normalise_number(number)))
    return keys


def _existing_organisations(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Organisation]:
    ids = {value for kind, value in keys if kind == "id"}
    charities = {value for kind, value in keys if kind == "charity"}
    companies = {value for kind, value in keys if kind == "company"}
    # Stored company numbers may have lost their leading zeros.
    companies |= {value.lstrip("0") for value in companies if value.isdigit()}
    found = {}
    query = Q(org_id__in=ids) | Q(charity_number__in=charities) | Q(company_number__in=companies)
    for organisation in Organisation.objects.filter(query):
        found[("id", organisation.org_id)] = organisation
        if organisation.charity_number:
            found[("charity", normalise_number(organisation.charity_number))] = organisation
        if organisation.company_number:
            found[("company", _company(organisation.company_number))] = organisation
    return found


def _outcomes(organisation_ids: set[int]):
    """BME-led outcome of existing recipients on any date, from one query of their declarations,
    by the same rule as organisations.selectors.bme_led_status."""
    by_organisation = defaultdict(list)
    declarations = BoardDeclaration.objects.filter(organisation_id__in=organisation_ids).order_by(
        "-effective_date", "-declared_at", "-pk"
    )
    for declaration in declarations:
        by_organisation[declaration.organisation_id].append(declaration)

    def outcome(organisation_id: int, on_date: date) -> str:
        return status_among(by_organisation.get(organisation_id, ()), on_date=on_date).outcome

    return outcome


def _unique_slugs(names: list[str]) -> list[str]:
    taken = set(Organisation.objects.values_list("slug", flat=True))
    slugs = []
    for name in names:
        base = slugify(name)[:110] or "organisation"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _numbers(keys: set[tuple[str, str]], kind: str) -> list[str]:
    return sorted(value for k, value in keys if k == kind)


def _resolve_recipients(grants: list[CheckedGrant], problems: list[Problem]):
    groups = defaultdict(list)  # the recipient's org-id (corrected) -> its grants
    for grant in grants:
        groups[_identifier(grant.recipient)].append(grant)
    group_keys = {identifier: set().union(*(_keys(g.recipient) for g in group)) for identifier, group in groups.items()}
    existing = _existing_organisations(set().union(*group_keys.values()))

    resolved: dict[int, Organisation] = {}  # id(grant) -> organisation (existing, or new and unsaved)
    new: dict[str, Organisation] = {}
    claims = defaultdict(list)  # ("charity", number) -> new recipients' org-ids giving it

    def refuse(group, message):
        problems.extend(Problem(grant.where, message) for grant in group)

    for identifier, group in groups.items():
        keys, first = group_keys[identifier], group[0].recipient
        clash = next(
            (
                NUMBERS_DISAGREE.format(name=first.name, kind=kind, numbers=", ".join(_numbers(keys, kind)))
                for kind in ("charity", "company")
                if len(_numbers(keys, kind)) > 1
            ),
            None,
        )
        if clash:
            refuse(group, clash)
            continue
        # The org-id is decisive; otherwise a registered number finds the organisation.
        organisation = existing.get(("id", identifier))
        if organisation is None:
            matches = {existing[key].pk: existing[key] for key in keys if key in existing}
            if len(matches) > 1:
                refuse(
                    group,
                    TWO_MATCHES.format(
                        name=first.name, matches=", ".join(f"{o.name} ({o.org_id})" for o in matches.values())
                    ),
                )
                continue
            organisation = next(iter(matches.values()), None)
        if organisation is None:
            charity, company = (next(iter(_numbers(keys, kind)), "") for kind in ("charity", "company"))
            organisation = Organisation(
                name=first.name[:200],
                sector=Sector.VOLUNTARY,
                legal_form=LegalForm.SOCIETY if identifier.startswith("GB-MPR-") else "",
                charity_number=charity,
                company_number=company,
                org_id=identifier,
                postcode=next((g.recipient.postcode for g in group if g.recipient.postcode), ""),
                verified=False,
                description="Added from imported 360Giving data; not yet verified.",
            )
            new[identifier] = organisation
            for key in keys - {("id", identifier), ("id", first.identifier)}:
                claims[key].append(identifier)
        for grant in group:
            resolved[id(grant)] = organisation

    for (kind, number), identifiers in claims.items():
        if len(identifiers) > 1:
            names = ", ".join(f"{new[i].name} ({i})" for i in identifiers)
            for identifier in identifiers:
                refuse(groups[identifier], NUMBER_SHARED.format(kind=kind, number=number, names=names))
    return resolved, list(new.values())


def _position(where: str) -> tuple:
    """Problems in file order: by line number for CSV, otherwise as found."""
    if where.startswith("Line "):
        digits = "".join(ch for ch in where[5:] if ch.isdigit())
        return (0, int(digits or 0))
    return (1, 0)


def grants_import(*, name: str, content: bytes, funder: Organisation, user=None) -> ImportResult:
    read = read_and_check(name, content, funder_identifier=funder.org_id, funder_name=funder.name)
    # Grants that passed their own checks are still matched, so that one refusal lists every problem.
    grants, problems = read.grants, list(read.problems)
    recipients, new_organisations = _resolve_recipients(grants, problems)

    held = {
        a.identifier: a
        for a in Award.objects.filter(identifier__in=[g.identifier for g in grants]).select_related("funder")
    }
    for grant in grants:
        award = held.get(grant.identifier)
        if award is not None and award.funder_id != funder.pk:
            problems.append(
                Problem(
                    grant.where, HELD_FOR_OTHER_FUNDER.format(identifier=grant.identifier, funder=award.funder.name)
                )
            )
    if problems:
        order = {id(p): n for n, p in enumerate(problems)}
        raise ImportRefused(sorted(problems, key=lambda p: (_position(p.where), order[id(p)])))

    today = timezone.localdate()
    result = ImportResult(grants=len(grants))
    with transaction.atomic():
        for organisation, slug in zip(
            new_organisations, _unique_slugs([o.name for o in new_organisations]), strict=False
        ):
            organisation.slug = slug
        if new_organisations:
            bulk_create_with_history(new_organisations, Organisation, batch_size=500, default_user=user)
        result.organisations_created = len(new_organisations)
        result.new_organisations = [o.name for o in new_organisations]

        outcome = _outcomes({o.pk for o in recipients.values()})
        programmes = {
            p.title: p
            for p in FundingProgramme.objects.filter(
                funder=funder, title__in={g.programme_title for g in grants if g.programme_title}
            )
        }
        to_create, to_update = [], []
        for grant in grants:
            recipient = recipients[id(grant)]
            programme = programmes.get(grant.programme_title)
            values = {
                "title": grant.title,
                "description": grant.description,
                "amount": grant.amount,
                "award_date": grant.award_date,
                "planned_start": grant.planned_start,
                "planned_end": grant.planned_end,
                "planned_months": grant.planned_months,
                "recipient_id": recipient.pk,
                "programme_id": programme.pk if programme else None,
                "programme_title": "" if programme else grant.programme_title,
            }
            award = held.get(grant.identifier)
            if award is None:
                to_create.append(
                    Award(
                        identifier=grant.identifier,
                        funder=funder,
                        status=AwardStatus.COMPLETED
                        if grant.planned_end and grant.planned_end < today
                        else AwardStatus.ACTIVE,
                        recipient_bme_led_outcome=outcome(recipient.pk, grant.award_date),
                        source=AwardSource.IMPORTED,
                        created_by=user,
                        **values,
                    )
                )
            elif any(getattr(award, name) != value for name, value in values.items()):
                if (award.recipient_id, award.award_date) != (recipient.pk, grant.award_date):
                    award.recipient_bme_led_outcome = outcome(recipient.pk, grant.award_date)
                for name, value in values.items():
                    setattr(award, name, value)
                to_update.append(award)
        if to_create:
            bulk_create_with_history(to_create, Award, batch_size=500, default_user=user)
        if to_update:
            bulk_update_with_history(
                to_update, Award, [*COMPARED_FIELDS, "recipient_bme_led_outcome"], batch_size=500, default_user=user
            )
    result.created, result.updated = len(to_create), len(to_update)
    result.unchanged = len(grants) - result.created - result.updated
    return result
