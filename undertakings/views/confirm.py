"""Confirming last year's answers in one go: the officer checks the list of answers carried forward,
changes the few that are no longer true, and confirms the rest with one button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..permissions import get_return_for_user, is_returns_body
from .returns import _not_editable_message, return_breadcrumbs


@login_required
@require_http_methods(["GET", "POST"])
def return_confirm_unchanged(request, pk):
    compliance_return = get_return_for_user(request.user, pk)
    if not is_returns_body(request.user, compliance_return):
        raise PermissionDenied
    if not compliance_return.is_editable:
        messages.info(request, _not_editable_message(compliance_return))
        return redirect("undertakings:return-detail", pk)
    if request.method == "POST":
        shown = [int(i) for i in request.POST.getlist("entry") if i.isdigit()]
        try:
            count = services.compliance_entries_confirm(
                compliance_return=compliance_return, user=request.user, entry_ids=shown
            )
        except ValidationError as exc:
            messages.info(request, exc.messages[0])
        else:
            answers = "answer" if count == 1 else "answers"
            messages.success(request, f"{count} {answers} from last year confirmed.")
        return redirect("undertakings:return-detail", pk)
    entries = list(selectors.unconfirmed_entries(compliance_return=compliance_return))
    if not entries:
        messages.info(request, services.NOTHING_TO_CONFIRM)
        return redirect("undertakings:return-detail", pk)
    return render(
        request,
        "undertakings/return_confirm.html",
        {
            "compliance_return": compliance_return,
            "entries": entries,
            "by_rating": _by_rating(entries),
            "breadcrumbs": return_breadcrumbs(request, compliance_return, ("Confirm last year's answers", None)),
        },
    )


def _by_rating(entries) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.get_rating_display()] = counts.get(entry.get_rating_display(), 0) + 1
    return list(counts.items())
