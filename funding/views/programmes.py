from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from common.forms import add_errors
from common.permissions import deny_unless
from funding import permissions
from funding.forms import ProgrammeForm
from funding.models import FundingProgramme
from funding.selectors import programme_list, resolve_funder
from funding.services.programmes import programme_create, programme_update

from .applications import ring_fence_refusals
from .common import page_of

FIELDS = ["title", "description", "service_area", "kind", "purpose", "ring_fenced", "budget", "opens_on", "closes_on"]


def programme_list_view(request):
    today = timezone.localdate()
    funder, funder_error = resolve_funder(request.GET.get("funder", ""))
    show = request.GET.get("show", "open")
    programmes = programme_list(funder=funder, open_on=today if show == "open" else None)
    return render(
        request,
        "funding/programme_list.html",
        {
            "page_obj": page_of(request, programmes),
            "show": show,
            "funder": funder,
            "funder_error": funder_error,
            "can_create": permissions.can_create_programme(request.user),
            "today": today,
            "breadcrumbs": [("Home", reverse("home")), ("Funding programmes", None)],
        },
    )


def programme_detail(request, pk):
    programme = get_object_or_404(FundingProgramme.objects.select_related("funder", "service_area"), pk=pk)
    if not permissions.can_view_published(request.user, programme.funder):
        raise Http404("No such programme")
    today = timezone.localdate()
    can_manage = permissions.can_manage_programme(request.user, programme)
    can_apply = permissions.can_apply(request.user, programme)
    refusals, may_apply = [], can_apply
    if can_apply and not can_manage:
        # Up front, before the group presses "Apply": which of its organisations cannot, and why.
        applicants = list(permissions.applicant_choices(request.user, programme))
        refusals = ring_fence_refusals(programme, applicants)
        may_apply = len(refusals) < len(applicants)
    return render(
        request,
        "funding/programme_detail.html",
        {
            "programme": programme,
            "is_open": programme.opens_on <= today <= programme.closes_on,
            "can_manage": can_manage,
            "can_apply": may_apply,
            "refusals": refusals,
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Funding programmes", reverse("funding:programme-list")),
                (programme.title, None),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create_view(request):
    deny_unless(permissions.can_create_programme(request.user))
    funders = list(permissions.funder_choices(request.user))
    form = ProgrammeForm(request.POST or None, funders=funders)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = programme_create(
                funder=data.get("funder") or form.only_funder, user=request.user, **{k: data[k] for k in FIELDS}
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Programme “{programme.title}” saved.")
            return redirect("funding:programme-detail", pk=programme.pk)
    return render(
        request,
        "funding/programme_form.html",
        {
            "form": form,
            "title": "New funding programme",
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Funding programmes", reverse("funding:programme-list")),
                ("New programme", None),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk):
    programme = get_object_or_404(FundingProgramme.objects.select_related("funder"), pk=pk)
    deny_unless(permissions.can_manage_programme(request.user, programme))
    initial = {name: getattr(programme, name) for name in FIELDS}
    form = ProgrammeForm(request.POST or None, initial=initial, funders=[programme.funder])
    if request.method == "POST" and form.is_valid():
        try:
            programme_update(programme=programme, user=request.user, **{k: form.cleaned_data[k] for k in FIELDS})
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect("funding:programme-detail", pk=programme.pk)
    return render(
        request,
        "funding/programme_form.html",
        {
            "form": form,
            "title": f"Change {programme.title}",
            "programme": programme,
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Funding programmes", reverse("funding:programme-list")),
                (programme.title, reverse("funding:programme-detail", args=[programme.pk])),
                ("Change", None),
            ],
        },
    )
