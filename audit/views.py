from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from organisations.roles import roles_for

from . import selectors
from .permissions import can_view_change_history, compacts_in_view


@login_required
def index(request):
    if not can_view_change_history(request.user):
        raise PermissionDenied
    return render(request, "audit/index.html", {"types": selectors.tracked_types()})


@login_required
def history(request, key):
    if not can_view_change_history(request.user):
        raise PermissionDenied
    tracked = selectors.tracked_type(key)
    if tracked is None:
        raise Http404("No such record type")
    entries = selectors.history_entries(tracked, compacts=compacts_in_view(request.user))
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    hidden = selectors.hidden_changes(tracked, entries, steering_compacts=roles_for(request.user).steering_compacts)
    changes = selectors.changes_for_page(tracked, entries, hidden=hidden)
    rows = [
        (
            entry,
            selectors.record_label(tracked, entry),
            changes.get(entry.history_id, []),
            entry.history_id in hidden,
        )
        for entry in entries
    ]
    breadcrumbs = [("Change history", reverse("audit:index")), (tracked.label, None)]
    return render(
        request,
        "audit/history.html",
        {"tracked": tracked, "page_obj": page, "rows": rows, "breadcrumbs": breadcrumbs},
    )
