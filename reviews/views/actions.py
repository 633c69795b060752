"""The steering group's actions for next year: add, change, remove (with a confirmation page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from common.forms import add_errors

from .. import permissions, services
from ..forms import ActionForm, ProgressForm


def _back(compact, period) -> str:
    return reverse("reviews:manage", args=[compact.slug, period.label])


def _form_page(request, compact, period, form, title, intro=""):
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "caption": f"{compact.name} annual review {period.label}",
            "cancel_url": _back(compact, period),
            "breadcrumbs": [
                ("Build a review", reverse("reviews:build-index")),
                (f"{compact.name} {period.label}", _back(compact, period)),
                (title, None),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    form = ActionForm(request.POST or None, button="Add action")
    if request.method == "POST" and form.is_valid():
        try:
            services.review_action_create(compact=compact, period=period, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Action added.")
            return redirect(_back(compact, period))
    return _form_page(request, compact, period, form, "Add an action for next year")


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, compact, period, action_id):
    compact, period = permissions.get_compact_period(compact, period)
    item = permissions.get_action_for_user(request.user, compact, period, action_id)
    initial = {"action": item.action, "owner": item.owner, "due": item.due}
    form = ActionForm(request.POST or None, initial=initial, button="Save action")
    if request.method == "POST" and form.is_valid():
        try:
            services.review_action_update(item=item, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Action changed.")
            return redirect(_back(compact, period))
    return _form_page(request, compact, period, form, "Change an action for next year")


@login_required
@require_http_methods(["GET", "POST"])
def action_remove(request, compact, period, action_id):
    compact, period = permissions.get_compact_period(compact, period)
    item = permissions.get_action_for_user(request.user, compact, period, action_id)
    if request.method == "POST":
        services.review_action_delete(item=item, user=request.user)
        messages.success(request, "Action removed.")
        return redirect(_back(compact, period))
    return render(
        request,
        "confirm.html",
        {
            "question": "Remove this action for next year?",
            "explanation": f"“{item.action}” will be removed.",
            "button_label": "Remove action",
            "cancel_url": _back(compact, period),
            "title": "Remove an action",
            "breadcrumbs": [
                ("Build a review", reverse("reviews:build-index")),
                (f"{compact.name} {period.label}", _back(compact, period)),
                ("Remove an action", None),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_progress(request, compact, period, action_id):
    """Last year's action (of `period`), whose progress is recorded from the next period's build page."""
    compact, period = permissions.get_compact_period(compact, period)
    item = permissions.get_action_for_user(request.user, compact, period, action_id)
    form = ProgressForm(request.POST or None, initial={"progress": item.progress, "note": item.progress_note})
    following = period.__class__.objects.filter(compact=compact, start_date__gt=period.start_date).order_by(
        "start_date"
    )
    back_to = following.first() or period
    if request.method == "POST" and form.is_valid():
        try:
            services.review_action_progress(
                item=item, user=request.user, progress=form.cleaned_data["progress"], note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Progress saved.")
            return redirect(_back(compact, back_to))
    return _form_page(request, compact, back_to, form, "What became of this action?", intro=item.action)
