"""What the steering group sees for a reporting period: every body's return with its status and
score, the matrix of ratings, and how every body rated one undertaking."""

from dataclasses import dataclass

from django.db.models import Prefetch

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
    return list(
        ComplianceEntry.objects.filter(
            undertaking=undertaking, compliance_return__period=period, compliance_return__status__in=COUNTED_STATUSES
        )
        .select_related("compliance_return__organisation")
        .prefetch_related(
            Prefetch("files", queryset=EvidenceFile.objects.order_by("uploaded_at")),
            Prefetch("actions", queryset=Action.objects.order_by("done", "due_on")),
        )
        .order_by("compliance_return__organisation__sector", "compliance_return__organisation__name")
    )


def rating_counts(entries) -> dict[str, int]:
    counts = {rating: 0 for rating in Rating.values}
    for entry in entries:
        counts[entry.rating] += 1
    return counts
