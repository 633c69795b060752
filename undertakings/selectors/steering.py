"""What the steering group sees for a reporting period: every body's return with its status and
score, the matrix of ratings, and how every body rated one undertaking."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch

from organisations.models import Organisation

from ..models import (
    Action,
    Code,
    ComplianceEntry,
    ComplianceReturn,
    EvidenceFile,
    Rating,
    ReportingPeriod,
    ReturnStatus,
    Undertaking,
)
from .periods import signatories_during

# Ratings the steering group compares: returns the body has given in and not had sent back.
COUNTED_STATUSES = (ReturnStatus.SUBMITTED, ReturnStatus.REVIEWED)


@dataclass(frozen=True)
class OverviewRow:
    organisation: Organisation
    code: Code
    compliance_return: ComplianceReturn | None


def period_overview(*, period: ReportingPeriod) -> list[OverviewRow]:
    """One row per signatory × adopted Code (started or not), plus any other return made for the
    period (three queries)."""
    returns = {
        (r.organisation_id, r.code_id): r
        for r in ComplianceReturn.objects.filter(period=period).select_related("organisation", "code").with_counts()
    }
    codes = list(Code.objects.adopted().filter(compact_id=period.compact_id))
    rows = []
    for signature in signatories_during(period=period):
        for code in codes:
            rows.append(
                OverviewRow(signature.organisation, code, returns.pop((signature.organisation_id, code.pk), None))
            )
    rows += [OverviewRow(r.organisation, r.code, r) for r in returns.values()]
    return sorted(rows, key=lambda row: (row.organisation.sector, row.organisation.name, row.code.short_title))


@dataclass(frozen=True)
class OverviewPage:
    page_obj: Page  # of light rows; `rows` are the page's rows in full
    rows: list[OverviewRow]
    statuses: dict[str, int]  # every row's return status ("not_started" without one), counted


def period_overview_page(*, period: ReportingPeriod, page, per_page: int) -> OverviewPage:
    """One page of period_overview and the statuses of every row. A metro Compact has 1,500
    signatories: every row is read as a light tuple to sort, count and page, and only the page's
    organisations and returns (with their counts of ratings) are read in full (five queries)."""
    codes = {code.pk: code for code in Code.objects.adopted().filter(compact_id=period.compact_id)}
    returns = {
        (organisation_id, code_id): (pk, status)
        for pk, organisation_id, code_id, status in ComplianceReturn.objects.filter(period=period).values_list(
            "pk", "organisation_id", "code_id", "status"
        )
    }
    named = {}  # organisation id → (sector, name) of every body with a row
    for organisation_id, sector, name in signatories_during(period=period).values_list(
        "organisation_id", "organisation__sector", "organisation__name"
    ):
        named[organisation_id] = (sector, name)
    light = []  # (sector, name, code title, organisation id, code id, return id or None, status)
    for organisation_id, (sector, name) in named.items():
        for code in codes.values():
            pk, status = returns.pop((organisation_id, code.pk), (None, "not_started"))
            light.append((sector, name, code.short_title, organisation_id, code.pk, pk, status))
    if returns:  # returns made for the period by bodies that were not signatories (or other Codes)
        for r in ComplianceReturn.objects.filter(pk__in=[pk for pk, _ in returns.values()]).values_list(
            "pk",
            "organisation_id",
            "organisation__sector",
            "organisation__name",
            "code__short_title",
            "code_id",
            "status",
        ):
            light.append((r[2], r[3], r[4], r[1], r[5], r[0], r[6]))
    light.sort(key=lambda row: row[:3])
    statuses: dict[str, int] = {}
    for row in light:
        statuses[row[6]] = statuses.get(row[6], 0) + 1
    page_obj = Paginator(light, per_page).get_page(page)
    wanted = page_obj.object_list
    organisations = Organisation.objects.in_bulk({row[3] for row in wanted})
    full = (
        ComplianceReturn.objects.filter(pk__in=[row[5] for row in wanted if row[5]])
        .select_related("organisation", "code")
        .with_counts()
    )
    by_pk = {r.pk: r for r in full}
    rows = [
        OverviewRow(organisations[row[3]], by_pk[row[5]].code if row[5] else codes[row[4]], by_pk.get(row[5]))
        for row in wanted
    ]
    return OverviewPage(page_obj=page_obj, rows=rows, statuses=statuses)


@dataclass(frozen=True)
class Matrix:
    undertakings: list[Undertaking]
    returns: list[ComplianceReturn]
    ratings: dict[tuple[int, int], str]  # (return id, undertaking id) → rating

    def rows(self):
        """[(undertaking, [(return, rating or None), …]), …]: None where it does not apply."""
        for undertaking in self.undertakings:
            yield undertaking, [(r, self.ratings.get((r.pk, undertaking.pk))) for r in self.returns]


def compliance_matrix(*, period: ReportingPeriod, code: Code) -> Matrix:
    """Ratings of every counted return for the Code, by undertaking (three queries)."""
    undertakings = list(code.undertakings.assessable().select_related("section"))
    returns = list(
        ComplianceReturn.objects.filter(period=period, code=code, status__in=COUNTED_STATUSES)
        .select_related("organisation")
        .with_counts()
        .order_by("organisation__sector", "organisation__name")
    )
    ratings = {
        (return_id, undertaking_id): rating
        for return_id, undertaking_id, rating in ComplianceEntry.objects.filter(
            compliance_return__in=[r.pk for r in returns]
        ).values_list("compliance_return_id", "undertaking_id", "rating")
    }
    return Matrix(undertakings, returns, ratings)


def undertaking_ratings(*, undertaking: Undertaking, period: ReportingPeriod) -> list[ComplianceEntry]:
    """How every counted return of the period rated one undertaking, and why (three queries)."""
    return list(undertaking_ratings_query(undertaking=undertaking, period=period))


def undertaking_ratings_query(*, undertaking: Undertaking, period: ReportingPeriod):
    """undertaking_ratings unevaluated, so the page can read one page of it (and count the rest)."""
    return (
        ComplianceEntry.objects.filter(
            undertaking=undertaking, compliance_return__period=period, compliance_return__status__in=COUNTED_STATUSES
        )
        .select_related("compliance_return__organisation")
        .prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.order_by("uploaded_at")),
            Prefetch("actions", queryset=Action.objects.order_by("done", "due_on")),
        )
        .order_by("compliance_return__organisation__sector", "compliance_return__organisation__name", "pk")
    )


def rating_counts_of(entries) -> dict[str, int]:
    """rating_counts counted by the database: every entry of the query, not only a page of it."""
    counts = dict.fromkeys(Rating.values, 0)
    for rating, n in entries.order_by().values("rating").annotate(n=Count("pk")).values_list("rating", "n"):
        counts[rating] += n
    return counts


def rating_counts(entries) -> dict[str, int]:
    counts = {rating: 0 for rating in Rating.values}
    for entry in entries:
        counts[entry.rating] += 1
    return counts
