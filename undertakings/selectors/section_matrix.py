"""The matrix a chair reads at a glance: every signatory × every section of the Code, with counts,
a score and the worst rating in each cell, and each body's return state (three queries).

The full grid of every undertaking stays on its own page (`compliance_matrix`): with 44 undertakings
and a dozen bodies it is a long table, and most of a chair's questions are "which body is behind, and
on what part of the Code".
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from ..models import Code, ComplianceEntry, ComplianceReturn, Rating, ReportingPeriod, Section
from ..scoring import Score, compliance_score
from .periods import signatories_during
from .steering import COUNTED_STATUSES

# The cell's colour is its worst rating: one "not met" is what a chair needs to see first.
WORST_FIRST = [Rating.NOT_MET, Rating.PARTLY_MET, Rating.NOT_ASSESSED, Rating.MET, Rating.NOT_APPLICABLE]
# Read once: the enum builds its list of values afresh on every access, and a metro matrix asks
# for it for every cell (1,500 signatories).
RATINGS = tuple(Rating.values)
LABELS = dict(Rating.choices)


@dataclass(frozen=True)
class SectionCell:
    section: Section
    counts: dict[str, int]  # rating → how many of the section's undertakings the body gave it

    @property
    def applies(self) -> bool:
        return any(self.counts.values())

    @property
    def score(self) -> Score:
        applicable = sum(self.counts.values()) - self.counts[Rating.NOT_APPLICABLE]
        return compliance_score(
            met=self.counts[Rating.MET], partly_met=self.counts[Rating.PARTLY_MET], applicable=applicable
        )

    @property
    def worst(self) -> str | None:
        return next((rating for rating in WORST_FIRST if self.counts[rating]), None)

    @property
    def summary(self) -> str:
        """ "4 met, 1 partly met, 1 not met": only the ratings given, in the Code's order."""
        return ", ".join(f"{n} {LABELS[rating].lower()}" for rating, n in self.counts.items() if n)


@dataclass(frozen=True)
class BodyRow:
    organisation_name: str
    organisation_sector: str
    compliance_return: ComplianceReturn | None
    cells: list[SectionCell]  # empty when the return is not counted (not started, draft, sent back) or not shown

    @property
    def state(self) -> str:
        if self.compliance_return is None:
            return "Not started"
        return self.compliance_return.get_status_display()

    @property
    def counted(self) -> bool:
        return self.compliance_return is not None and self.compliance_return.status in COUNTED_STATUSES


@dataclass(frozen=True)
class SectionMatrix:
    sections: list[Section]
    rows: list[BodyRow]  # every signatory's (cells filled for the page's rows when paged)
    page_obj: Page | None = None

    @property
    def counted(self) -> int:
        return sum(row.counted for row in self.rows)


def section_matrix(*, period: ReportingPeriod, code: Code, page=None, per_page: int | None = None) -> SectionMatrix:
    """Every signatory's row, sorted; with `per_page`, `page_obj` holds the asked page of them and
    only that page's counted returns have their cells (their entries are the only ones read)."""
    sections = list(code.sections.filter(undertakings__assessable=True).distinct().order_by("position"))
    returns = {
        r.organisation_id: r
        for r in ComplianceReturn.objects.filter(period=period, code=code).select_related("organisation").with_counts()
    }
    rows = []
    # Names and sectors only: a metro Compact has 1,500 signatories, most without a counted return.
    for organisation_id, name, sector in signatories_during(period=period).values_list(
        "organisation_id", "organisation__name", "organisation__sector"
    ):
        rows.append(BodyRow(name, sector, returns.pop(organisation_id, None), []))
    # A return from a body that is no longer a signatory still shows.
    rows += [BodyRow(r.organisation.name, r.organisation.sector, r, []) for r in returns.values()]
    rows.sort(key=lambda r: (r.organisation_sector, r.organisation_name))
    page_obj = Paginator(rows, per_page).get_page(page) if per_page else None
    # The counted returns shown, by pk (a counted row always has its return).
    shown = {row.compliance_return.pk: row for row in (page_obj.object_list if page_obj else rows) if row.counted}  # type: ignore[union-attr]
    tally: dict[tuple[int, int], dict[str, int]] = {}
    for return_id, section_id, rating in ComplianceEntry.objects.filter(compliance_return__in=list(shown)).values_list(
        "compliance_return_id", "undertaking__section_id", "rating"
    ):
        counts = tally.setdefault((return_id, section_id), dict.fromkeys(RATINGS, 0))
        counts[rating] += 1
    for pk, row in shown.items():
        row.cells.extend(SectionCell(s, tally.get((pk, s.pk)) or dict.fromkeys(RATINGS, 0)) for s in sections)
    return SectionMatrix(sections, rows, page_obj)
