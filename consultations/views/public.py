"""Pages anyone may see: the list, a consultation, commenting. "You said, we did" is in .response."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from common import ratelimit
from common.csv_export import csv_response
from common.forms import add_errors
from organisations.forms.public import compact_filter, resolve_compact
from organisations.models import Organisation
from organisations.roles import roles_for

from .. import permissions, selectors, services
from ..forms import CommentForm
from ..models import NOT_RECORDED
from .common import crumbs, with_consultation

CSV_HEADER = [
    "Title",
    "Run by",
    "Stage",
    "Status",
    "Opens",
    "Closes",
    "Weeks",
    "Shorter than 12 weeks: reason",
    "Response due",
    "Response published",
    "Response overdue",
    "Address",
]
RATE_LIMITED = "You have sent a lot of comments in the last hour. Please wait and try again later."
RATE_WINDOW_SECONDS = 3600  # the setting counts comments per hour


def _status(request, user) -> str:
    status = request.GET.get("status", "all")
    return status if status in dict(selectors.statuses_for(user)) else "all"


def consultation_list(request):
    status = _status(request, request.user)
    compact, filter_context = compact_filter(request)
    consultations = selectors.consultation_list(user=request.user, status=status, compact=compact)
    page = Paginator(consultations, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "consultations/list.html",
        {
            "page_obj": page,
            "consultations": page.object_list,
            "statuses": selectors.statuses_for(request.user),
            "status": status,
            # The Compact filter (templates/includes/compact_filter.html), keeping the status chosen.
            **filter_context,
            "keep": [("status", status)] if status != "all" else [],
            "today": timezone.localdate(),
            "can_create": permissions.can_create(request.user),
            "breadcrumbs": [("Consultations", None)],
        },
    )


def consultation_list_csv(request):
    today = timezone.localdate()
    compact, _ = resolve_compact(request.GET.get("compact", ""))
    consultations = selectors.consultation_list(
        user=request.user, status=_status(request, request.user), compact=compact
    )
    return csv_response(
        "consultations.csv",
        CSV_HEADER,
        (
            [
                c.title,
                c.owner.name,
                c.stage_display,
                c.get_status_display(),
                c.opens or NOT_RECORDED,
                c.closes or NOT_RECORDED,
                NOT_RECORDED if c.weeks is None else c.weeks,
                c.shorter_reason if c.is_shorter else "",
                c.response_due or NOT_RECORDED,
                c.response_published_on,
                c.response_overdue(today),
                request.build_absolute_uri(reverse("consultations:detail", args=[c.slug])),
            ]
            for c in consultations
        ),
    )


@with_consultation
def detail(request, consultation):
    # The comments are paged and can be narrowed to one section, like the response page.
    entries = selectors.comment_entries(
        consultation, section=request.GET.get("section", ""), page=request.GET.get("page", 1)
    )
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "sections": selectors.sections_of(consultation),
            "events": list(consultation.events.all()),
            "entries": entries,
            "today": timezone.localdate(),
            "actions": permissions.allowed_actions(request.user, consultation),
            "breadcrumbs": crumbs(None, (consultation.title, None)),
        },
    )


def _commenting_organisations(user):
    roles = roles_for(user)
    return list(Organisation.objects.filter(pk__in=roles.organisation_ids).order_by("name"))


@with_consultation
def comment(request, consultation):
    if not permissions.can_comment(request.user, consultation):
        raise PermissionDenied
    anonymous = not request.user.is_authenticated
    organisations = [] if anonymous else _commenting_organisations(request.user)
    form = CommentForm(
        request.POST or None, consultation=consultation, organisations=organisations, anonymous=anonymous
    )
    if request.method == "POST" and form.is_valid():
        created = _save_comment(request, consultation, form, anonymous)
        if created:
            messages.success(request, "Thank you. Your comment has been received.")
            return redirect("consultations:detail", slug=consultation.slug)
    return render(
        request,
        "consultations/comment.html",
        {
            "consultation": consultation,
            "form": form,
            "anonymous": anonymous,
            "breadcrumbs": crumbs(consultation, ("Comment", None)),
        },
    )


def _save_comment(request, consultation, form, anonymous: bool) -> bool:
    data = {"sections": [], **form.cleaned_data}
    if data.get("website"):
        # A bot filled the hidden field: pretend it worked and store nothing.
        return True
    try:
        if anonymous:
            if not ratelimit.allow(
                request,
                "consultations:anonymous-comment",
                window_seconds=RATE_WINDOW_SECONDS,
                limit=settings.CONSULTATION_ANONYMOUS_COMMENTS_PER_HOUR,
            ):
                form.add_error(None, RATE_LIMITED)
                return False
            services.comment_add_anonymous(
                consultation=consultation,
                text=data["text"],
                sections=data["sections"],
                publication=data["publication"],
            )
        elif data["on_behalf_of"] == CommentForm.INDIVIDUAL:
            services.comment_add_individual(
                consultation=consultation,
                user=request.user,
                text=data["text"],
                sections=data["sections"],
                publication=data["publication"],
            )
        else:
            organisation = Organisation.objects.get(pk=data["on_behalf_of"])
            services.comment_add_for_organisation(
                consultation=consultation,
                user=request.user,
                organisation=organisation,
                text=data["text"],
                sections=data["sections"],
                publication=data["publication"],
            )
    except ValidationError as exc:
        add_errors(form, exc)
        return False
    return True


@with_consultation
def document(request, consultation):
    if not consultation.document:
        raise Http404("No document")
    name = f"{consultation.slug}.{consultation.document.name.rsplit('.', 1)[-1]}"
    return FileResponse(consultation.document.open("rb"), as_attachment=True, filename=name)
