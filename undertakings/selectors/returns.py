"""Reads about compliance returns: an officer's list, one return with its entries, what is missing."""

from dataclasses import dataclass

from django.db.models import Prefetch

from organisations.models import Organisation, Signatory

from ..models import (
    RATINGS_NEEDING_EXPLANATION,
    Action,
    Code,
    ComplianceEntry,
    ComplianceReturn,
    EvidenceFile,
    Rating,
    ReportingPeriod,
)

NOT_ASSESSED = "not yet assessed"
EXPLANATION_MISSING = "needs an explanation (comply or explain)"
CARRIED_FORWARD = "carried forward from last year: confirm or change it"


@dataclass(frozen=True)
class MissingItem:
    entry: ComplianceEntry
    reason: str


def return_missing_items(*, compliance_return: ComplianceReturn) -> list[MissingItem]:
    """Every reason the return cannot be submitted yet, in Code order (one query)."""
    missing = []
    for entry in compliance_return.entries.select_related("undertaking"):
        if entry.rating == Rating.NOT_ASSESSED:
            missing.append(MissingItem(entry, NOT_ASSESSED))
        elif entry.rating in RATINGS_NEEDING_EXPLANATION and not entry.explanation.strip():
            missing.append(MissingItem(entry, EXPLANATION_MISSING))
        elif entry.carried_forward:
            missing.append(MissingItem(entry, CARRIED_FORWARD))
    return missing


def returns_for_organisations(organisation_ids):
    return (
        ComplianceReturn.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation", "period", "code")
        .with_counts()
        .order_by("-period__start_date", "organisation__name", "code__short_title")
    )


@dataclass(frozen=True)
class ReturnToStart:
    organisation: Organisation
    period: ReportingPeriod
    code: Code


def returns_to_start(*, organisation_ids) -> list[ReturnToStart]:
    """Returns the organisations owe for open periods and have not started (four queries)."""
    signatures = list(Signatory.objects.filter(organisation_id__in=organisation_ids).select_related("organisation"))
    compact_ids = {s.compact_id for s in signatures}
    periods = list(ReportingPeriod.objects.open().filter(compact_id__in=compact_ids).order_by("start_date"))
    codes = list(Code.objects.adopted().filter(compact_id__in=compact_ids))
    started = set(
        ComplianceReturn.objects.filter(organisation_id__in=organisation_ids, period__in=periods).values_list(
            "organisation_id", "period_id", "code_id"
        )
    )
    owed = []
    for period in periods:
        for s in signatures:
            in_force = (
                s.compact_id == period.compact_id
                and s.signed_on <= period.end_date
                and (s.withdrawn_on is None or s.withdrawn_on >= period.start_date)
            )
            if not in_force:
                continue
            for code in codes:
                if code.compact_id == period.compact_id and (s.organisation_id, period.pk, code.pk) not in started:
                    owed.append(ReturnToStart(s.organisation, period, code))
    return owed


def return_with_entries(*, pk: int) -> ComplianceReturn:
    """One return with everything its page shows, in a fixed number of queries."""
    return (
        ComplianceReturn.objects.select_related(
            "organisation", "period__compact", "code", "carried_forward_from__period"
        )
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ComplianceEntry.objects.select_related("undertaking__section").prefetch_related(
                    Prefetch("files", queryset=EvidenceFile.objects.order_by("uploaded_at", "pk")),
                    Prefetch("actions", queryset=Action.objects.order_by("done", "due_on", "pk")),
                ),
            ),
            "events__by",
        )
        .get(pk=pk)
    )


def entries_by_section(compliance_return: ComplianceReturn) -> list[tuple]:
    """[(section, [entry, …]), …] in Code order, from prefetched entries."""
    grouped: dict = {}
    for entry in compliance_return.entries.all():
        grouped.setdefault(entry.undertaking.section, []).append(entry)
    return sorted(grouped.items(), key=lambda item: item[0].position)


def neighbour_entries(entry: ComplianceEntry) -> tuple[int | None, int | None]:
    """Ids of the entry after this one and of the next one that still needs the person: not
    assessed, or carried forward from last year and not yet confirmed (one query)."""
    # Plain tuples (pk, rating, carried_forward): django-stubs mistypes named=True rows here.
    siblings = list(
        entry.compliance_return.entries.order_by("undertaking__position").values_list("pk", "rating", "carried_forward")
    )
    index = next(i for i, (pk, _, _) in enumerate(siblings) if pk == entry.pk)
    after = siblings[index + 1 :] + siblings[:index]
    next_needing = next(
        (pk for pk, rating, carried_forward in after if rating == Rating.NOT_ASSESSED or carried_forward), None
    )
    following = siblings[index + 1][0] if index + 1 < len(siblings) else None
    return following, next_needing


def unconfirmed_entries(*, compliance_return: ComplianceReturn):
    """Answers carried forward from last year and not yet confirmed, in Code order, with what the
    confirmation page shows of each (two queries)."""
    return (
        compliance_return.entries.filter(carried_forward=True)
        .select_related("undertaking__section")
        .prefetch_related("files")
        .order_by("undertaking__position")
    )
