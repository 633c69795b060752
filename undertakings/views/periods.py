"""The steering group's pages for managing a Compact's reporting periods: adding the next one, and
closing a period to returns or reopening it."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from organisations.models import Compact

from .. import services
from ..forms import PeriodForm
from ..models import ReportingPeriod
from ..permissions import can_manage_periods

# What an open period allows (services/returns.py, jobs.py, selectors/returns.py).
CLOSE_EXPLANATION = (
    "While the period is closed, organisations cannot start or submit returns for it, it leaves their "
    "list of returns to start and no reminders are sent. Drafts already started are kept and can still be "
    "edited, but not submitted. You can reopen it later."
)
REOPEN_EXPLANATION = "Organisations will be able to start and submit returns for it again, and reminders will be sent."


def next_start_year(compact: Compact, today: datetime.date) -> int:
    """The year after the Compact's latest period, or the current financial year if it has none."""
    latest = ReportingPeriod.objects.filter(compact=compact).order_by("-start_date").first()
    if latest is not None:
        return latest.start_date.year + 1
    return today.year if today.month >= 4 else today.year - 1


def _compact_for_user(request, slug) -> Compact:
    compact = get_object_or_404(Compact, slug=slug)
    if not can_manage_periods(request.user, compact):
        raise PermissionDenied
    return compact


def _crumbs(*tail):
    return [("Home", reverse("home")), ("Compliance returns", reverse("undertakings:return-list")), *tail]


@login_required
@require_http_methods(["GET", "POST"])
def period_add(request, slug):
    compact = _compact_for_user(request, slug)
    start_year = next_start_year(compact, timezone.localdate())
    form = PeriodForm(
        request.POST if request.method == "POST" else None,
        initial={"start_year": start_year, "returns_due": datetime.date(start_year + 1, 6, 30), "is_open": True},
    )
    if request.method == "POST" and form.is_valid():
        try:
            period = services.reporting_period_create(
                compact=compact,
                start_year=form.cleaned_data["start_year"],
                returns_due=form.cleaned_data["returns_due"],
                is_open=form.cleaned_data["is_open"],
            )
        except ValidationError as exc:
            form.add_error(None if hasattr(exc, "error_dict") else "start_year", exc)
        else:
            state = "open for returns" if period.is_open else "closed to returns until you open it"
            messages.success(request, f"The {period.label} reporting period has been added. It is {state}.")
            return redirect("undertakings:period-overview", period.pk)
    return render(
        request,
        "undertakings/period_form.html",
        {"form": form, "compact": compact, "breadcrumbs": _crumbs(("Add a reporting period", None))},
    )


def _set_open(request, pk, *, is_open: bool):
    period = get_object_or_404(ReportingPeriod.objects.select_related("compact"), pk=pk)
    if not can_manage_periods(request.user, period.compact):
        raise PermissionDenied
    overview = reverse("undertakings:period-overview", args=[period.pk])
    if period.is_open == is_open:
        messages.info(request, f"The {period.label} period is already {'open' if is_open else 'closed'}.")
        return redirect(overview)
    if request.method == "POST":
        services.reporting_period_set_open(period=period, is_open=is_open, user=request.user)
        messages.success(request, f"The {period.label} period is now {'open' if is_open else 'closed'} to returns.")
        return redirect(overview)
    verb = "reopen" if is_open else "close"
    return render(
        request,
        "confirm.html",
        {
            "question": f"Are you sure you want to {verb} the {period.compact.name} {period.label} period to returns?",
            "explanation": REOPEN_EXPLANATION if is_open else CLOSE_EXPLANATION,
            "button_label": "Reopen period" if is_open else "Close period",
            "cancel_url": overview,
            "breadcrumbs": _crumbs(
                (f"{period.compact.name} {period.label}", overview), (f"{verb.capitalize()} the period", None)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def period_close(request, pk):
    return _set_open(request, pk, is_open=False)


@login_required
@require_http_methods(["GET", "POST"])
def period_reopen(request, pk):
    return _set_open(request, pk, is_open=True)
