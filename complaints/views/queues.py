"""Lists of complaints for the people who handle them: the body's queue, the steering group's list."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common.csv_export import CHUNK, csv_response
from organisations.roles import roles_for

from ..models import Party
from ..permissions import can_view_compact_list, can_view_queue
from ..presenters import queue_row
from ..selectors import compact_complaints, queue_for_body

STATUSES = [("open", "Open"), ("closed", "Closed"), ("all", "All")]
CSV_HEADER = [
    "Reference",
    "Body complained about",
    "Complainant",
    "Status",
    "Received",
    "Next deadline",
    "Due action",
    "Overdue",
    "Undertakings",
    "Confidential",
]


def _status(request) -> str:
    status = request.GET.get("status", "open")
    return status if status in dict(STATUSES) else "open"


def _list(request, queryset, side: str, *, title: str, csv_name: str, show_body: bool):
    today = timezone.localdate()
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/queue.html",
        {
            "title": title,
            "page_obj": page,
            "rows": [queue_row(c, side, today) for c in page.object_list],
            "statuses": STATUSES,
            "status": _status(request),
            "csv_url": reverse(csv_name),
            "show_body": show_body,
            "breadcrumbs": [("Complaints", reverse("complaints:list")), (title, None)],
        },
    )


def _csv(queryset, side: str, filename: str):
    today = timezone.localdate()
    rows = (queue_row(c, side, today) for c in queryset.iterator(chunk_size=CHUNK))
    return csv_response(
        filename,
        CSV_HEADER,
        (
            [
                r.reference,
                r.respondent,
                r.complainant,
                r.status,
                r.received_on,
                r.next_deadline,
                r.next_action,
                r.overdue,
                "; ".join(r.undertakings),
                r.confidential,
            ]
            for r in rows
        ),
    )


def _body_scope(request):
    if not can_view_queue(request.user):
        raise PermissionDenied
    return queue_for_body(organisation_ids=roles_for(request.user).officer_of, status=_status(request))


def _compact_scope(request):
    if not can_view_compact_list(request.user):
        raise PermissionDenied
    return compact_complaints(compact_ids=roles_for(request.user).steering_compacts, status=_status(request))


@login_required
def queue(request):
    return _list(
        request,
        _body_scope(request),
        Party.RESPONDENT,
        title="Complaints about your organisation",
        csv_name="complaints:queue-csv",
        show_body=len(roles_for(request.user).officer_of) > 1,
    )


@login_required
def queue_csv(request):
    return _csv(_body_scope(request), Party.RESPONDENT, "complaints-about-your-organisation.csv")


@login_required
def compact_list(request):
    return _list(
        request,
        _compact_scope(request),
        Party.STEERING,
        title="Complaints in your Compact",
        csv_name="complaints:compact-csv",
        show_body=True,
    )


@login_required
def compact_csv(request):
    return _csv(_compact_scope(request), Party.STEERING, "complaints-in-your-compact.csv")
