"""The complaints home page, a complaint's own page, its files, and the links sent by email."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import presenters, services
from ..models import Complaint, ComplaintStatus, Party
from ..permissions import allowed_actions, can_view_compact_list, can_view_queue, perspective
from ..selectors import complaint_for_page, complaints_raised_by
from ..tokens import complaint_id_from_confirmation, follow_up_token_matches
from .common import remember_follow_up, viewer_for, with_complaint


def index(request):
    raised = None
    if request.user.is_authenticated:
        raised = Paginator(complaints_raised_by(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/index.html",
        {
            "page_obj": raised,
            "can_view_queue": can_view_queue(request.user),
            "can_view_compact_list": can_view_compact_list(request.user),
        },
    )


@with_complaint
def detail(request, complaint, side, viewer):
    return _detail_page(request, complaint, side, viewer)


def _detail_page(request, complaint, side, viewer):
    view = presenters.present(complaint, side)
    return render(
        request,
        "complaints/detail.html",
        {
            "view": view,
            "actions": allowed_actions(viewer, complaint, side),
            "stage": view.stages[-1] if view.stages else None,
            "breadcrumbs": _breadcrumbs(request, side, view.reference),
        },
    )


def _breadcrumbs(request, side: str, reference: str):
    crumbs = [("Complaints", reverse("complaints:list"))]
    if side == Party.RESPONDENT:
        crumbs.append(("Complaints about your organisation", reverse("complaints:queue")))
    elif side == Party.STEERING:
        crumbs.append(("Complaints in your Compact", reverse("complaints:compact-list")))
    return crumbs + [(reference, None)]


def follow(request, reference: str, token: str):
    """The follow-up link: opens the complaint it was issued for, in this browser, and no other."""
    complaint = Complaint.objects.filter(reference=reference).first()
    if (
        complaint is None
        or complaint.status == ComplaintStatus.UNCONFIRMED
        or not follow_up_token_matches(complaint, token)
    ):
        raise Http404("This link does not open any complaint")
    remember_follow_up(request, complaint)
    # Shown here rather than redirected, so the link itself is the page to bookmark.
    viewer = viewer_for(request)
    return _detail_page(request, complaint_for_page(reference), perspective(viewer, complaint), viewer)


@require_http_methods(["GET", "POST"])
def confirm_email(request, token: str):
    # Opening the link shows a button rather than confirming at once: mail scanners open links.
    complaint_id = complaint_id_from_confirmation(token)
    if complaint_id is None:
        return render(request, "complaints/confirm_invalid.html", status=400)
    complaint = get_object_or_404(Complaint.objects.select_related("respondent"), pk=complaint_id)
    if request.method == "POST":
        complaint = services.complaint_confirm_email(complaint=complaint)
        remember_follow_up(request, complaint)
        return redirect("complaints:detail", reference=complaint.reference)
    return render(request, "complaints/confirm_email.html", {"complaint": complaint})


@with_complaint
def file_download(request, complaint, side, viewer, file_id: int):
    numbered = {f.pk: n for n, f in enumerate(complaint.files.all(), start=1)}
    if file_id not in numbered:
        raise Http404("No such file")
    file = next(f for f in complaint.files.all() if f.pk == file_id)
    shown = presenters.file_view(file, numbered[file_id], complaint, side)
    response = FileResponse(
        file.file.open("rb"), as_attachment=True, filename=shown.download_name, content_type=file.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
