"""Importing a published 360Giving file (JSON, CSV or XLSX): every usable grant, each with its warnings.

1. Survey the file (one streamed pass): identifiers seen, and the numbers each recipient is given,
   for the warnings that need the whole file.
2. Read it again grant by grant (`threesixty.sources`, `threesixty.reader`): a grant that cannot be
   used is refused with where it is and its identifier; every other one is imported as published
   with its data-quality warnings kept on the award.
3. Write in batches of 1,000 (`import_parties` finds or adds funders and recipients by org-id) inside
   one transaction, so a failure leaves nothing half-imported. With `strict`, any refusal or warning
   refuses the whole file, as the importer always did before.
An identical grant already held is left alone, so importing the same file again changes nothing.
"""

import contextlib
import pickle
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from funding.models import Award, AwardSource, AwardStatus, FundingProgramme
from funding.threesixty import sources
from funding.threesixty.flat import column_for
from funding.threesixty.reader import (
    DUPLICATE_ID,
    FIELDS,
    MISSING_COLUMN,
    REQUIRED_COLUMNS,
    CheckedGrant,
    Problem,
    check_grant,
    lookup,
    text,
    title_of,
)
from organisations.bme_definitions import RulesBetween
from organisations.identifiers import is_valid_charity_number, is_valid_company_number, normalise_company_number
from organisations.models import BoardDeclaration, Organisation
from organisations.selectors import status_among

from .bulk_insert import insert_with_history
from .import_parties import Parties, cross_file_warnings

HELD_FOR_OTHER_FUNDER = "Identifier {identifier} is already used by a grant from {funder}."
BATCH = 1000

COMPARED_FIELDS = [
    "title",
    "description",
    "currency",
    "amount",
    "award_date",
    "planned_start",
    "planned_end",
    "planned_months",
    "programme_id",
    "programme_title",
    "recipient_name",
    "recipient_org_id",
    "published",
    "import_warnings",
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
    funders_created: list[str] = field(default_factory=list)
    matches_queued: int = 0
    refused: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)  # amounts imported, by currency


@dataclass
class Survey:
    numbers_by_recipient: dict = field(
        default_factory=lambda: defaultdict(lambda: {"charity": set(), "company": set()})
    )
    recipients_by_number: dict = field(default_factory=lambda: defaultdict(dict))


def _survey(name, open_binary, spool) -> Survey:
    """The recipients' numbers across the file; each grant read is kept in `spool` (pickled), so the
    second pass does not parse the file again (an XLSX of 100,000 rows takes longer to parse than
    to import)."""
    survey = Survey()
    for raw in sources.iter_grants(name, open_binary):
        # One pickle per grant: a shared Pickler would remember (and keep alive) every grant.
        pickle.dump(raw, spool, protocol=pickle.HIGHEST_PROTOCOL)
        if not isinstance(raw.document, dict):
            continue
        identifier = text(lookup(raw.document, ("recipientOrganization", "id")))
        if not identifier:
            continue
        recipient_name = text(lookup(raw.document, ("recipientOrganization", "name")))
        for kind, key, valid in (
            ("charity", "charityNumber", is_valid_charity_number),
            ("company", "companyNumber", is_valid_company_number),
        ):
            number = text(lookup(raw.document, ("recipientOrganization", key))).upper().replace(" ", "")
            if number and valid(number):
                number = normalise_company_number(number) if kind == "company" else number
                survey.numbers_by_recipient[identifier][kind].add(number)
                survey.recipients_by_number[(kind, number)].setdefault(identifier, recipient_name)
    return survey


def _unspool(spool):
    spool.seek(0)
    while True:
        try:
            yield pickle.load(spool)  # written by this import only: never a file from outside
        except EOFError:
            return


def _missing_columns(name, open_binary) -> list[Problem]:
    header = sources.header_of(name, open_binary)
    if header is None:
        return []
    present = {column_for(title)[0] for title in header if title and column_for(title)}
    return [
        Problem("Line 1 (column titles)", MISSING_COLUMN.format(title=title_of(key)))
        for key in REQUIRED_COLUMNS
        if FIELDS[key] not in present
    ]


def _outcomes(pairs: set[tuple[int, int]]):
    """The recipient's BME-led outcome on an award date, and the rule that judged it (its label), as
    organisations.selectors.bme_led_status answers under the rule of the Compact the funder and the
    recipient share (`rule_between`), from one query of declarations and four for the rules."""
    by_organisation = defaultdict(list)
    declarations = BoardDeclaration.objects.filter(organisation_id__in={r for _, r in pairs}).order_by(
        "-effective_date", "-declared_at", "-pk"
    )
    for declaration in declarations:
        by_organisation[declaration.organisation_id].append(declaration)
    rules = RulesBetween(funder_ids={f for f, _ in pairs}, organisation_ids={r for _, r in pairs})

    def outcome(funder_pk: int, recipient_pk: int, on_date) -> tuple[str, str]:
        rule = rules.rule(funder_pk, recipient_pk, on_date)
        status = status_among(by_organisation.get(recipient_pk, ()), on_date=on_date, definition=rule)
        return status.outcome, status.rule_label

    return outcome


def status_from_dates(planned_end, today) -> str:
    """What the published dates say: ended, running, or not known when no end date was given."""
    if planned_end is None:
        return AwardStatus.NOT_RECORDED
    return AwardStatus.COMPLETED if planned_end < today else AwardStatus.ACTIVE


class _Writer:
    def __init__(self, *, parties: Parties, result: ImportResult, user):
        self.parties, self.result, self.user = parties, result, user
        self.today = timezone.localdate()

    def write(self, grants: list[CheckedGrant]) -> None:
        held = {
            a.identifier: a
            for a in Award.objects.filter(identifier__in=[g.identifier for g in grants]).select_related("funder")
        }
        usable = []
        for grant in grants:
            award = held.get(grant.identifier)
            funder_id = self.parties.funder.org_id if self.parties.funder else grant.funder_identifier
            if award is not None and award.funder.org_id != funder_id:
                self.result.refused.append(
                    Problem(
                        grant.where,
                        HELD_FOR_OTHER_FUNDER.format(identifier=grant.identifier, funder=award.funder.name),
                        grant.identifier,
                    )
                )
            else:
                usable.append(grant)
        if not usable:
            return
        self.parties.resolve(usable)
        # A held award may point at the directory organisation an officer matched: judge that one.
        pairs = {(self.parties.funder_of(g).pk, self.parties.recipient_of(g).pk) for g in usable}
        pairs |= {
            (held[g.identifier].funder_id, held[g.identifier].recipient_id) for g in usable if g.identifier in held
        }
        outcome = _outcomes(pairs)
        funders = {self.parties.funder_of(g).pk for g in usable}
        programmes = {
            (p.funder_id, p.title): p
            for p in FundingProgramme.objects.filter(
                funder_id__in=funders, title__in={g.programme_title for g in usable if g.programme_title}
            )
        }
        to_create, to_update = [], []
        for grant in usable:
            funder, recipient = self.parties.funder_of(grant), self.parties.recipient_of(grant)
            programme = programmes.get((funder.pk, grant.programme_title))
            values = {
                "title": grant.title,
                "description": grant.description,
                "currency": grant.currency,
                "amount": grant.amount,
                "award_date": grant.award_date,
                "planned_start": grant.planned_start,
                "planned_end": grant.planned_end,
                "planned_months": grant.planned_months,
                "programme_id": programme.pk if programme else None,
                "programme_title": "" if programme else grant.programme_title,
                "recipient_name": grant.recipient.name[:300],
                "recipient_org_id": grant.recipient.identifier,
                "published": grant.document,
                "import_warnings": grant.warnings,
            }
            self.result.totals[grant.currency] = self.result.totals.get(grant.currency, Decimal(0)) + grant.amount
            award = held.get(grant.identifier)
            if award is None:
                judged, rule_label = outcome(funder.pk, recipient.pk, grant.award_date)
                # Field values by attname rather than Award instances: cheaper by 100,000.
                to_create.append(
                    {
                        "identifier": grant.identifier,
                        "funder_id": funder.pk,
                        "recipient_id": recipient.pk,
                        "status": status_from_dates(grant.planned_end, self.today),
                        "recipient_bme_led_outcome": judged,
                        "recipient_bme_rule": rule_label,
                        "source": AwardSource.IMPORTED,
                        "created_by_id": self.user.pk if self.user else None,
                        **values,
                    }
                )
            elif any(getattr(award, name) != value for name, value in values.items()):
                # The directory organisation an officer matched stays, unless the funder now
                # publishes another recipient for the grant.
                if award.recipient_org_id != grant.recipient.identifier:
                    award.recipient = recipient
                if award.recipient_org_id != grant.recipient.identifier or award.award_date != grant.award_date:
                    award.recipient_bme_led_outcome, award.recipient_bme_rule = outcome(
                        funder.pk, award.recipient_id, grant.award_date
                    )
                if award.status != AwardStatus.WITHDRAWN and award.source == AwardSource.IMPORTED:
                    award.status = status_from_dates(grant.planned_end, self.today)
                for name, value in values.items():
                    setattr(award, name, value)
                to_update.append(award)
        if to_create:
            insert_with_history(Award, to_create, key="identifier", user=self.user)
        if to_update:
            fields = [*COMPARED_FIELDS, "recipient", "recipient_bme_led_outcome", "recipient_bme_rule", "status"]
            bulk_update_with_history(to_update, Award, fields, batch_size=500, default_user=self.user)
        self.result.created += len(to_create)
        self.result.updated += len(to_update)
        self.result.unchanged += len(usable) - len(to_create) - len(to_update)
        self.result.grants += len(usable)


def grants_import(
    *,
    name: str,
    content: bytes | None = None,
    path=None,
    funder: Organisation | None = None,
    user=None,
    strict: bool = False,
) -> ImportResult:
    """Import a published file. With `funder`, grants of other funders are refused; without, each
    grant goes under the funder it names. Raises ImportRefused when nothing was imported."""
    open_binary = sources.opener(content=content, path=path)
    with contextlib.ExitStack() as stack:
        return _import(name, open_binary, stack, funder=funder, user=user, strict=strict)


def _import(name, open_binary, stack, *, funder, user, strict) -> ImportResult:
    try:
        missing = _missing_columns(name, open_binary)
        if missing:
            raise ImportRefused(missing)
        spool = stack.enter_context(tempfile.TemporaryFile())
        survey = _survey(name, open_binary, spool)
        cross = cross_file_warnings(survey)
        del survey
        result = ImportResult()
        parties = Parties(user=user, funder=funder)
        writer = _Writer(parties=parties, result=result, user=user)
        seen: dict[str, str] = {}
        batch: list[CheckedGrant] = []
        with transaction.atomic():
            for raw in _unspool(spool):
                grant, errors, warnings = check_grant(
                    raw.document,
                    funder_identifier=funder.org_id if funder else "",
                    funder_name=funder.name if funder else "",
                )
                identifier = text(raw.document.get("id")) if isinstance(raw.document, dict) else ""
                if identifier in seen:
                    errors.append(DUPLICATE_ID.format(value=identifier, other=seen[identifier]))
                elif identifier:
                    seen[identifier] = raw.position
                result.refused += [Problem(raw.where, message, identifier) for message in errors]
                if errors:
                    if strict:  # the all-or-nothing rule names every problem of the file
                        result.warnings += [Problem(raw.where, message, identifier) for message in warnings]
                    continue
                assert grant is not None  # check_grant returns one whenever it found no errors
                grant.where = raw.where
                grant.warnings = warnings + cross.get(grant.recipient.identifier, [])
                result.warnings += [Problem(raw.where, message, identifier) for message in grant.warnings]
                batch.append(grant)
                if len(batch) >= BATCH:
                    writer.write(batch)
                    batch = []
            if batch:
                writer.write(batch)
            if not seen and not result.refused:
                raise ImportRefused([Problem("File", sources.FILE_EMPTY)])
            if strict and (result.refused or result.warnings):
                raise ImportRefused(_in_file_order(result.refused + result.warnings))
            if not result.grants:
                raise ImportRefused(_in_file_order(result.refused))
    except sources.FileProblem as problem:
        raise ImportRefused([Problem("File", str(problem))]) from None
    result.refused = _in_file_order(result.refused)
    result.new_organisations = parties.created
    result.organisations_created = len(parties.created)
    result.funders_created = parties.funders_created
    result.matches_queued = parties.matches_queued
    return result


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    def position(problem):
        if problem.where.startswith("Line "):
            digits = "".join(ch for ch in problem.where[5:] if ch.isdigit())
            return (0, int(digits or 0))
        return (1, 0)

    order = {id(p): n for n, p in enumerate(problems)}
    return sorted(problems, key=lambda p: (position(p), order[id(p)]))
