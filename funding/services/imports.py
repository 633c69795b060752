"""Importing a funder's published 360Giving file: all of it, or none of it with every reason.

1. Read and check every grant (`threesixty.reader`): a problem anywhere refuses the file.
2. Group the file's recipients: references that share an identifier, charity number or company
   number are one organisation (the same group is often written three ways in one file).
3. Match each group to the portal's organisations by org-id, charity or company number, in one
   query; a group that matches two different organisations is a problem, one that matches none
   becomes a new unverified organisation.
4. Match grants to the awards already held by identifier: a grant held for another funder is a
   problem; an identical one is left alone, so importing the same file twice changes nothing.
5. Write everything in one transaction, in bulk, with history.
"""

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
from organisations.bme_led import Outcome, assess_board, oldest_current_effective_date
from organisations.identifiers import company_org_id, normalise_number
from organisations.models import BoardDeclaration, LegalForm, Organisation, Sector

TWO_MATCHES = "The recipient {name} matches more than one organisation in the portal: {matches}. Correct its numbers first."
NUMBERS_DISAGREE = "The recipient {name} is given two different {kind} numbers in the file ({numbers})."
HELD_FOR_OTHER_FUNDER = "Identifier {identifier} is already used by a grant from {funder}."

COMPARED_FIELDS = [
    "title", "description", "amount", "award_date", "planned_start", "planned_end", "planned_months",
    "recipient_id", "programme_id", "programme_title",
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


def _numbers_from_identifier(identifier: str) -> tuple[str, str]:
    """Charity and company numbers an org-id carries (GB-CHC-123 → charity 123)."""
    for prefix, kind in (("GB-CHC-", "charity"), ("GB-SC-", "charity"), ("GB-COH-", "company"), ("GB-MPR-", "company")):
        if identifier.upper().startswith(prefix):
            number = identifier[len(prefix):]
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


class _Groups:
    """Union-find over recipient references by shared key."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, key):
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, keys):
        keys = list(keys)
        root = self.find(keys[0])
        for key in keys[1:]:
            self.parent[self.find(key)] = root


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
        oldest = oldest_current_effective_date(on_date)
        for declaration in by_organisation.get(organisation_id, ()):
            if oldest <= declaration.effective_date <= on_date:
                return assess_board(
                    members=declaration.members,
                    bme_members=declaration.bme_members,
                    undisclosed_members=declaration.undisclosed_members,
                ).outcome
        return Outcome.NO_CURRENT_DECLARATION

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


def _resolve_recipients(grants: list[CheckedGrant], problems: list[Problem]):
    groups = _Groups()
    for grant in grants:
        groups.union(_keys(grant.recipient))
    members = defaultdict(list)  # group root -> grants
    for grant in grants:
        members[groups.find(next(iter(_keys(grant.recipient))))].append(grant)
    existing = _existing_organisations({key for grant in grants for key in _keys(grant.recipient)})

    resolved: dict[int, Organisation] = {}  # id(grant) -> organisation (existing or unsaved new)
    new_organisations = []
    for group in members.values():
        keys = {key for grant in group for key in _keys(grant.recipient)}
        first = group[0].recipient
        matches = {existing[key].pk: existing[key] for key in keys if key in existing}
        clash = None
        if len(matches) > 1:
            clash = TWO_MATCHES.format(
                name=first.name, matches=", ".join(f"{o.name} ({o.org_id})" for o in matches.values())
            )
        for kind in ("charity", "company"):
            numbers = sorted({value for k, value in keys if k == kind})
            if not matches and len(numbers) > 1:
                clash = NUMBERS_DISAGREE.format(name=first.name, kind=kind, numbers=", ".join(numbers))
        if clash:
            problems += [Problem(grant.where, clash) for grant in group]
            continue
        if matches:
            organisation = next(iter(matches.values()))
        else:
            charity = next((value for k, value in keys if k == "charity"), "")
            company = next((value for k, value in keys if k == "company"), "")
            organisation = Organisation(
                name=first.name[:200],
                sector=Sector.VOLUNTARY,
                legal_form=LegalForm.SOCIETY if _identifier(first).startswith("GB-MPR-") else "",
                charity_number=charity,
                company_number=company,
                org_id=_identifier(first),
                postcode=next((g.recipient.postcode for g in group if g.recipient.postcode), ""),
                verified=False,
                description="Added from imported 360Giving data; not yet verified.",
            )
            new_organisations.append(organisation)
        for grant in group:
            resolved[id(grant)] = organisation
    return resolved, new_organisations


def grants_import(*, name: str, content: bytes, funder: Organisation, user=None) -> ImportResult:
    read = read_and_check(name, content, funder_identifier=funder.org_id, funder_name=funder.name)
    if read.problems:
        raise ImportRefused(read.problems)
    grants = read.grants
    problems: list[Problem] = []
    recipients, new_organisations = _resolve_recipients(grants, problems)

    held = {a.identifier: a for a in Award.objects.filter(identifier__in=[g.identifier for g in grants]).select_related("funder")}
    for grant in grants:
        award = held.get(grant.identifier)
        if award is not None and award.funder_id != funder.pk:
            problems.append(Problem(grant.where, HELD_FOR_OTHER_FUNDER.format(identifier=grant.identifier, funder=award.funder.name)))
    if problems:
        raise ImportRefused(problems)

    today = timezone.localdate()
    result = ImportResult(grants=len(grants))
    with transaction.atomic():
        for organisation, slug in zip(new_organisations, _unique_slugs([o.name for o in new_organisations])):
            organisation.slug = slug
        if new_organisations:
            bulk_create_with_history(new_organisations, Organisation, batch_size=500, default_user=user)
        result.organisations_created = len(new_organisations)
        result.new_organisations = [o.name for o in new_organisations]

        outcome = _outcomes({o.pk for o in recipients.values()})
        programmes = {
            p.title: p
            for p in FundingProgramme.objects.filter(funder=funder, title__in={g.programme_title for g in grants if g.programme_title})
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
                to_create.append(Award(
                    identifier=grant.identifier,
                    funder=funder,
                    status=AwardStatus.COMPLETED if grant.planned_end and grant.planned_end < today else AwardStatus.ACTIVE,
                    recipient_bme_led_outcome=outcome(recipient.pk, grant.award_date),
                    source=AwardSource.IMPORTED,
                    created_by=user,
                    **values,
                ))
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
