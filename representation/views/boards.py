"""A board's page, adding and editing boards, and giving and ending seats on them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from common.permissions import deny_unless
from organisations.roles import roles_for

from .. import permissions, selectors, services
from ..forms import AppointmentForm, BoardForm, EndAppointmentForm
from ..models import Appointment, Board
from ..presenters import appointment_rows, board_bme_figure, shown_name


def _board_form(request, **kwargs) -> BoardForm:
    return BoardForm(
        request.POST or None,
        compacts=permissions.pool_compacts(request.user),
        roles_site_admin=roles_for(request.user).is_site_admin,
        **kwargs,
    )


def _crumbs(*rest):
    return [
        ("Representation", reverse("representation:overview")),
        ("Boards", reverse("representation:board-list")),
        *rest,
    ]


def _board_crumbs(board, last: str):
    return _crumbs((board.name, reverse("representation:board-detail", args=[board.slug])), (last, None))


def board_detail(request, slug):
    board = get_object_or_404(Board.objects.select_related("compact", "convening_organisation"), slug=slug)
    today = timezone.localdate()
    rows = appointment_rows(request.user, selectors.board_appointments(board=board), board=board, on_date=today)
    current = [r for r in rows if r["current"]]
    figures = selectors.pool_figures(on_date=today, compact=board.compact)
    board_figures = next(b for b in figures.boards if b.board.pk == board.pk)
    return render(
        request,
        "representation/board_detail.html",
        {
            "board": board,
            "current": current,
            "past": [r for r in rows if not r["current"]],
            "figures": board_figures,
            "bme_figure": board_bme_figure(board_figures, names_shown=any(r["name_shown"] for r in current)),
            "can_edit": permissions.can_edit_board(request.user, board),
            "can_manage": permissions.can_manage_appointments(request.user, board),
            "breadcrumbs": _crumbs((board.name, None)),
        },
    )


def _board_fields(form) -> dict:
    return {
        key: form.cleaned_data[key]
        for key in ("name", "description", "compact", "convening_organisation", "seats_available")
    }


@login_required
@require_http_methods(["GET", "POST"])
def board_create(request):
    deny_unless(permissions.can_create_board(request.user))
    form = _board_form(request)
    if request.method == "POST" and form.is_valid():
        # The compact choices are only those the person steers (all for site admins).
        try:
            board = services.board_create(**_board_fields(form))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Board added: {board.name}.")
            return redirect("representation:board-detail", slug=board.slug)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Add a board",
            "breadcrumbs": _crumbs(("Add a board", None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_edit(request, slug):
    board = get_object_or_404(Board, slug=slug)
    deny_unless(permissions.can_edit_board(request.user, board))
    initial = {
        key: getattr(board, key)
        for key in ("name", "description", "compact", "convening_organisation", "seats_available")
    }
    form = _board_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.board_update(board=board, **_board_fields(form))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Board details saved.")
            return redirect("representation:board-detail", slug=board.slug)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Change the board's details",
            "caption": board.name,
            "breadcrumbs": _board_crumbs(board, "Change"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def appointment_create(request, slug):
    board = get_object_or_404(Board, slug=slug)
    deny_unless(permissions.can_manage_appointments(request.user, board))
    form = AppointmentForm(
        request.POST or None, representatives=permissions.appointable_representatives(request.user, board)
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.appointment_create(board=board, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            name = shown_name(request.user, result.appointment.representative, board)
            messages.success(request, f"Appointment added: {name}, {result.appointment.role}.")
            if result.warning:
                messages.warning(request, result.warning)
            return redirect("representation:board-detail", slug=board.slug)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Add an appointment",
            "caption": board.name,
            "breadcrumbs": _board_crumbs(board, "Add an appointment"),
        },
    )


def _managed_appointment(request, pk) -> tuple[Appointment, Board]:
    appointment = get_object_or_404(Appointment.objects.select_related("board", "representative"), pk=pk)
    deny_unless(permissions.can_manage_appointments(request.user, appointment.board))
    return appointment, appointment.board


@login_required
@require_http_methods(["GET", "POST"])
def appointment_correct(request, pk):
    appointment, board = _managed_appointment(request, pk)
    fields = ("role", "method", "start_date", "end_date")
    form = AppointmentForm(
        request.POST or None, correcting=True, initial={name: getattr(appointment, name) for name in fields}
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.appointment_correct(appointment=appointment, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "The appointment has been corrected.")
            if result.warning:
                messages.warning(request, result.warning)
            return redirect("representation:board-detail", slug=board.slug)
    name = shown_name(request.user, appointment.representative, board)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Correct {name}'s appointment",
            "caption": board.name,
            "breadcrumbs": _board_crumbs(board, "Correct an appointment"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def appointment_end(request, pk):
    appointment, board = _managed_appointment(request, pk)
    form = EndAppointmentForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_end(appointment=appointment, end_date=form.cleaned_data["end_date"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "The appointment has been ended.")
            return redirect("representation:board-detail", slug=board.slug)
    name = shown_name(request.user, appointment.representative, board)
    return render(
        request,
        "confirm.html",
        {
            "form": form,
            "title": "End this appointment",
            "question": f"End {name}'s appointment as {appointment.role} on {board.name}?",
            "explanation": "They will no longer count as holding this seat after the last day you give. This cannot be undone.",
            "button_label": "End appointment",
            "cancel_url": reverse("representation:board-detail", args=[board.slug]),
            "breadcrumbs": _board_crumbs(board, "End appointment"),
        },
    )
