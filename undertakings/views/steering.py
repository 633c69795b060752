"""The steering group's pages for a reporting period: every return with status and score, the
matrix of ratings, and how every body rated one undertaking."""

import dataclasses

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from common.csv_export import csv_response

from .. import selectors
from ..models import Code, Rating, ReportingPeriod, ReturnStatus, Undertaking
from ..permissions import can_manage_periods, can_view_period

# A metro Compact has 1,500 signatories: the overview shows them a page at a time (the figures
# above the table, and the CSV, still cover every one).
OVERVIEW_PER_PAGE = 50
# One undertaking's ratings list a row per counted return (150 a metro period): 50 a page.
RATINGS_PER_PAGE = 50
# The matrix has a column per body: 20 columns a page still read across; the CSV has them all.
MATRIX_BODIES_PER_PAGE = 20


def _period_for_user(request, pk) -> ReportingPeriod:
    period = get_object_or_404(ReportingPeriod.objects.select_related("compact"), pk=pk)
    if not can_view_period(request.user, period):
        raise PermissionDenied
    return period


def _crumbs(period, *tail):
    crumbs = [("Home", reverse("home")), ("Compliance returns", reverse("undertakings:return-list"))]
    title = f"{period.compact.name} {period.label}"
    if tail:
        return crumbs + [(title, reverse("undertakings:period-overview", args=[period.pk])), *tail]
    return crumbs + [(title, None)]


@login_required
def period_overview(request, pk):
    period = _period_for_user(request, pk)
    overview = selectors.period_overview_page(period=period, page=request.GET.get("page"), per_page=OVERVIEW_PER_PAGE)
    statuses = overview.statuses
    return render(
        request,
        "undertakings/period_overview.html",
        {
            "period": period,
            "rows": overview.rows,
            "page_obj": overview.page_obj,
            "codes": Code.objects.adopted().filter(compact_id=period.compact_id),
            "figures": [
                (statuses.get(ReturnStatus.SUBMITTED, 0), "waiting for review"),
                (statuses.get(ReturnStatus.REVIEWED, 0), "reviewed"),
                (statuses.get(ReturnStatus.RETURNED, 0), "returned for changes"),
                (statuses.get(ReturnStatus.DRAFT, 0) + statuses.get("not_started", 0), "not yet submitted"),
            ],
            "can_manage": can_manage_periods(request.user, period.compact),
            "overdue_actions": list(selectors.overdue_actions(period=period)),
            "breadcrumbs": _crumbs(period),
        },
    )


@login_required
def period_csv(request, pk):
    period = _period_for_user(request, pk)
    header = [
        "Organisation",
        "Sector",
        "Code",
        "Status",
        "Submitted",
        "Assessed",
        "Undertakings",
        "Score numerator",
        "Score denominator",
        "Score",
    ]
    rows = []
    for row in selectors.period_overview(period=period):
        r = row.compliance_return
        if r is None:
            rows.append(
                [
                    row.organisation.name,
                    row.organisation.get_sector_display(),
                    row.code.short_title,
                    "Not started",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
            continue
        score = r.score
        rows.append(
            [
                row.organisation.name,
                row.organisation.get_sector_display(),
                row.code.short_title,
                r.get_status_display(),
                r.submitted_at.date() if r.submitted_at else "",
                r.assessed_count,
                r.total_count,
                score.numerator_text,
                score.denominator,
                score.percent_text,
            ]
        )
    return csv_response(f"{period.compact.slug}-{period.label}-returns.csv", header, rows)


def _matrix(request, pk, code_pk):
    period = _period_for_user(request, pk)
    code = get_object_or_404(Code, pk=code_pk, compact_id=period.compact_id)
    return period, code, selectors.compliance_matrix(period=period, code=code)


@login_required
def matrix(request, pk, code_pk):
    """Bodies × sections: the at-a-glance summary, with every signatory and its return's state."""
    period = _period_for_user(request, pk)
    code = get_object_or_404(Code, pk=code_pk, compact_id=period.compact_id)
    # Every signatory is listed, a page of them at a time; the counts above cover them all.
    matrix = selectors.section_matrix(
        period=period, code=code, page=request.GET.get("page"), per_page=MATRIX_BODIES_PER_PAGE * 2
    )
    page = matrix.page_obj
    return render(
        request,
        "undertakings/matrix.html",
        {
            "period": period,
            "code": code,
            "matrix": matrix,
            "page_obj": page,
            "ratings": Rating.choices,
            "breadcrumbs": _crumbs(period, (f"Matrix: {code.short_title}", None)),
        },
    )


@login_required
def matrix_full(request, pk, code_pk):
    """Every undertaking × every counted return, optionally one section of the Code."""
    period, code, matrix = _matrix(request, pk, code_pk)
    page = Paginator(matrix.returns, MATRIX_BODIES_PER_PAGE).get_page(request.GET.get("page"))
    matrix = dataclasses.replace(matrix, returns=list(page.object_list))
    wanted = request.GET.get("section", "")
    section = code.sections.filter(pk=wanted).first() if wanted.isdigit() else None
    rows = [(u, cells) for u, cells in matrix.rows() if section is None or u.section_id == section.pk]
    title = f"Every undertaking{f' of section {section.ref}' if section else ''}: {code.short_title}"
    return render(
        request,
        "undertakings/matrix_full.html",
        {
            "period": period,
            "code": code,
            "matrix": matrix,
            "section": section,
            "rows": rows,
            "page_obj": page,
            "ratings": Rating.choices,
            "title": title,
            "breadcrumbs": _crumbs(
                period,
                (f"Matrix: {code.short_title}", reverse("undertakings:matrix", args=[period.pk, code.pk])),
                ("Every undertaking", None),
            ),
        },
    )


@login_required
def matrix_csv(request, pk, code_pk):
    period, code, matrix = _matrix(request, pk, code_pk)
    labels = dict(Rating.choices)
    header = ["Ref", "Undertaking", *[r.organisation.name for r in matrix.returns]]
    rows = [
        [u.ref, u.text, *[labels[rating] if rating else "Does not apply" for _, rating in cells]]
        for u, cells in matrix.rows()
    ]
    rows.append(["", "Score", *[r.score.percent_text for r in matrix.returns]])
    return csv_response(f"{period.compact.slug}-{period.label}-{code.slug}-matrix.csv", header, rows)


def _undertaking(request, pk, undertaking_pk):
    period = _period_for_user(request, pk)
    undertaking = get_object_or_404(
        Undertaking.objects.select_related("code", "section"), pk=undertaking_pk, code__compact_id=period.compact_id
    )
    return period, undertaking, selectors.undertaking_ratings(undertaking=undertaking, period=period)


@login_required
def undertaking_detail(request, pk, undertaking_pk):
    period = _period_for_user(request, pk)
    undertaking = get_object_or_404(
        Undertaking.objects.select_related("code", "section"), pk=undertaking_pk, code__compact_id=period.compact_id
    )
    entries = selectors.undertaking_ratings_query(undertaking=undertaking, period=period)
    counts = selectors.rating_counts_of(entries)  # every body's rating, not only this page's
    page = Paginator(entries, RATINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "undertakings/undertaking_detail.html",
        {
            "period": period,
            "undertaking": undertaking,
            "entries": page.object_list,
            "page_obj": page,
            "counts": [(value, label, counts[value]) for value, label in Rating.choices],
            "breadcrumbs": _crumbs(
                period,
                (
                    f"Matrix: {undertaking.code.short_title}",
                    reverse("undertakings:matrix", args=[period.pk, undertaking.code_id]),
                ),
                (f"Undertaking {undertaking.ref}", None),
            ),
        },
    )


@login_required
def undertaking_csv(request, pk, undertaking_pk):
    period, undertaking, entries = _undertaking(request, pk, undertaking_pk)
    rows = (
        [
            e.compliance_return.organisation.name,
            e.get_rating_display(),
            e.explanation,
            e.evidence,
            " ".join(e.links),
            "; ".join(f"{a.what} ({a.who}, by {a.due_on:%d/%m/%Y})" for a in e.actions.all() if not a.done),
        ]
        for e in entries
    )
    return csv_response(
        f"{period.compact.slug}-{period.label}-undertaking-{undertaking.ref}.csv",
        ["Organisation", "Rating", "Explanation", "Evidence", "Links", "Open actions"],
        rows,
    )
