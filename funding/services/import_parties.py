"""Who an imported grant is from and to: funders and recipients found by org-id, never by name.

A recipient is the directory organisation with the org-id the funder published (or the same
Companies House or society number written the register's way: GB-COH-123 is GB-COH-00000123, a
society number given as a company number is on the Mutuals Public Register). Without one, a new
unverified organisation is added under the published name and identifier. When a directory
organisation with another identifier holds the same charity or company number, the two may be one
organisation or the number may be borrowed: a `RecipientMatch` asks an officer, and nothing is merged
until they confirm. Funders unknown to the portal are added unverified in the same way.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils.text import slugify

from funding.models import RecipientMatch
from funding.threesixty.reader import NUMBER_SHARED, TWO_NUMBERS, CheckedGrant, OrganisationRef
from organisations.identifiers import company_org_id
from organisations.models import LegalForm, Organisation, Sector

from .bulk_insert import insert_with_history

MATCH_REASON = "Both have the {kind} number {number}."
NEW_RECIPIENT = "Added from imported 360Giving data; not yet verified."
NEW_FUNDER = "Added as a funder from imported 360Giving data; not yet verified."
# Org-id registers of public bodies: a funder found there is a public body.
PUBLIC_PREFIXES = ("GB-LAE-", "GB-LAS-", "GB-LANI-", "GB-PLA-", "GB-GOR-", "GB-NHS-", "GB-GOVUK-", "GB-UKPRN-")


def register_id(identifier: str) -> str:
    """The org-id as the register writes it (GB-COH-IP28755R → GB-MPR-IP28755R, GB-COH-123 padded)."""
    if identifier.upper().startswith("GB-COH-"):
        return company_org_id(identifier[7:])
    return identifier


class Parties:
    """Funders and recipients of one import, looked up a batch at a time and remembered."""

    def __init__(self, *, user=None, funder: Organisation | None = None):
        self.user = user
        self.funder = funder
        self.by_id: dict[str, Organisation] = {}
        self.created: list[str] = []
        self.funders_created: list[str] = []
        self.matches_queued = 0
        self._slugs: set[str] | None = None

    def _slug(self, name: str) -> str:
        if self._slugs is None:
            self._slugs = set(Organisation.objects.values_list("slug", flat=True))
        base = slugify(name)[:110] or "organisation"
        slug, n = base, 1
        while slug in self._slugs:
            n += 1
            slug = f"{base}-{n}"
        self._slugs.add(slug)
        return slug

    def _load(self, identifiers: set[str]) -> None:
        wanted = {i for i in identifiers if i not in self.by_id}
        if not wanted:
            return
        registered = {i: register_id(i) for i in wanted}
        found = {o.org_id: o for o in Organisation.objects.filter(org_id__in=wanted | set(registered.values()))}
        for identifier in wanted:
            organisation = found.get(identifier) or found.get(registered[identifier])
            if organisation is not None:
                self.by_id[identifier] = organisation

    def resolve(self, grants: list[CheckedGrant]) -> None:
        """Make sure every funder and recipient of `grants` has an organisation, adding new ones."""
        funder_ids = set() if self.funder else {g.funder_identifier for g in grants}
        recipients: dict[str, OrganisationRef] = {}
        for grant in grants:
            recipients.setdefault(grant.recipient.identifier, grant.recipient)
        self._load(funder_ids | set(recipients))

        new = {}
        for grant in grants:
            identifier = grant.funder_identifier
            if self.funder is None and identifier not in self.by_id and identifier not in new:
                public = identifier.upper().startswith(PUBLIC_PREFIXES)
                new[identifier] = Organisation(
                    name=(grant.funder_name or identifier)[:200],
                    sector=Sector.PUBLIC if public else Sector.VOLUNTARY,
                    org_id=identifier[:80],
                    verified=False,
                    description=NEW_FUNDER,
                )
        funders_new = set(new)
        unknown = [
            ref for identifier, ref in recipients.items() if identifier not in self.by_id and identifier not in new
        ]
        numbers = self._numbers_held(unknown)
        candidates = []
        for identifier, ref in recipients.items():
            if identifier in self.by_id or identifier in new:
                continue
            registered = register_id(identifier)
            charity, company = ref.usable_charity, ref.usable_company
            for kind, number in (("charity", charity), ("company", company)):
                holder = numbers.get((kind, number)) if number else None
                if holder is not None:
                    candidates.append((ref, holder, MATCH_REASON.format(kind=kind, number=number)))
            new[identifier] = Organisation(
                name=ref.name[:200],
                sector=Sector.VOLUNTARY,
                legal_form=LegalForm.SOCIETY if registered.startswith("GB-MPR-") else "",
                # A number another organisation holds stays with it until an officer decides.
                charity_number="" if ("charity", charity) in numbers else charity,
                company_number="" if ("company", company) in numbers else company,
                org_id=registered[:80],
                postcode=ref.postcode,
                verified=False,
                description=NEW_RECIPIENT,
            )
            for kind, number in (("charity", charity), ("company", company)):
                if number and (kind, number) not in numbers:
                    numbers[(kind, number)] = new[identifier]
        if new:
            for organisation in new.values():
                organisation.slug = self._slug(organisation.name)
            insert_with_history(Organisation, list(new.values()), key="org_id", user=self.user)
            for identifier, organisation in new.items():
                self.by_id[identifier] = organisation
                (self.funders_created if identifier in funders_new else self.created).append(organisation.name)
        self._queue(candidates)

    def _numbers_held(self, refs) -> dict[tuple[str, str], Organisation]:
        charities = {r.usable_charity for r in refs if r.usable_charity}
        companies = {r.usable_company for r in refs if r.usable_company}
        companies |= {c.lstrip("0") for c in companies if c.isdigit()}
        held = {}
        if charities or companies:
            query = Q(charity_number__in=charities) | Q(company_number__in=companies)
            for organisation in Organisation.objects.filter(query):
                if organisation.charity_number:
                    held[("charity", organisation.charity_number.upper())] = organisation
                if organisation.company_number:
                    number = organisation.company_number.upper()
                    held[("company", number.zfill(8) if number.isdigit() else number)] = organisation
        return held

    def _queue(self, candidates) -> None:
        if not candidates:
            return
        existing = set(
            RecipientMatch.objects.filter(recipient_org_id__in={r.identifier for r, _, _ in candidates}).values_list(
                "recipient_org_id", "candidate_id"
            )
        )
        rows, seen = [], set()
        for ref, holder, reason in candidates:
            key = (ref.identifier, holder.pk)
            if key in existing or key in seen:
                continue
            seen.add(key)
            rows.append(
                RecipientMatch(
                    recipient_org_id=ref.identifier, recipient_name=ref.name[:300], candidate=holder, reason=reason
                )
            )
        RecipientMatch.objects.bulk_create(rows)
        self.matches_queued += len(rows)

    def funder_of(self, grant: CheckedGrant) -> Organisation:
        return self.funder or self.by_id[grant.funder_identifier]

    def recipient_of(self, grant: CheckedGrant) -> Organisation:
        return self.by_id[grant.recipient.identifier]


def cross_file_warnings(survey) -> dict[str, list[str]]:
    """Warnings that need the whole file: a recipient given two numbers of a kind, and one number
    given to recipients with different identifiers (one of them borrowing another's number)."""
    warnings = defaultdict(list)
    for identifier, kinds in survey.numbers_by_recipient.items():
        for kind in ("charity", "company"):
            if len(kinds[kind]) > 1:
                warnings[identifier].append(
                    TWO_NUMBERS.format(identifier=identifier, kind=kind, numbers=", ".join(sorted(kinds[kind])))
                )
    for (kind, number), holders in survey.recipients_by_number.items():
        if len(holders) > 1:
            for identifier in holders:
                others = ", ".join(f"{name} ({i})" for i, name in sorted(holders.items()) if i != identifier)
                warnings[identifier].append(NUMBER_SHARED.format(kind=kind, number=number, others=others))
    return warnings
