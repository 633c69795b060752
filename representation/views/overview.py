"""The pool in figures, the list of boards, and the appointments as CSV."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common.csv_export import CHUNK, csv_response
from common.disclosure import threshold as disclosure_threshold
from organisations.forms.public import compact_filter

from .. import permissions, selectors
from ..forms import FiguresOnDateForm
from ..presenters import published_pool_figures, shown_name, shown_organisation

CSV_HEADER = [
    "Board",
    "Compact",
    "Representative",
    "Organisation",
    "Role",
    "Elected or appointed",
    "Start date",
    "End date",
    "Current",
]


def overview(request):
    # ?on_0=31&on_1=3&on_2=2026 shows another day; a date that is not real shows the error and today's figures.
    form = FiguresOnDateForm(request.GET if "on_0" in request.GET else None)
    on_date = (form.is_valid() and form.cleaned_data["on"]) or timezone.localdate()
    compact, filter_context = compact_filter(request)
    figures = selectors.pool_figures(on_date=on_date, compact=compact)
    can_manage = permissions.can_keep_a_pool(request.user)
    # Which boards have no BME representative says something about the people named on them: the
    # list is for the boards' own steering groups; the public sees how many boards.
    boards_without = [
        b for b in figures.boards_without_bme_representative if permissions.can_edit_board(request.user, b)
    ]
    return render(
        request,
        "representation/overview.html",
        {
            "figures": figures,
            "published": published_pool_figures(figures),
            "disclosure_threshold": disclosure_threshold(),
            "boards_without": boards_without,
            "form": form,
            **filter_context,
            "can_manage": can_manage,
            "can_create_board": permissions.can_create_board(request.user),
            # Named only to the keepers of each person's own pool.
            "overloaded": [
                (shown_name(request.user, o.representative), o)
                for o in figures.overloaded
                if permissions.keeps_pool_of(request.user, o.representative)
            ],
        },
    )


def board_list(request):
    today = timezone.localdate()
    compact, filter_context = compact_filter(request)
    page = Paginator(selectors.board_list(on_date=today, compact=compact), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "representation/board_list.html",
        {
            "page_obj": page,
            **filter_context,
            "on_date": today,
            "can_create_board": permissions.can_create_board(request.user),
            "breadcrumbs": [("Representation", reverse("representation:overview")), ("Boards", None)],
        },
    )


def appointments_csv(request):
    """Every appointment, past and present; names as the person downloading may see them."""
    today = timezone.localdate()
    user = request.user
    rows = (
        [
            a.board.name,
            a.board.compact.name if a.board.compact else "",
            shown_name(user, a.representative, a.board),
            getattr(shown_organisation(user, a.representative, a.board), "name", ""),
            a.role,
            a.get_method_display(),
            a.start_date,
            a.end_date,
            a.is_current_on(today),
        ]
        for a in selectors.appointments_for_csv().iterator(chunk_size=CHUNK)
    )
    return csv_response("board-appointments.csv", CSV_HEADER, rows)
