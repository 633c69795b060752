"""Importing published 360Giving files: the upload page queues a job; the report page shows its
status and, once done, the totals, the grants refused and every warning; the match queue lets an
officer confirm that a published recipient is an organisation already in the directory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from common.permissions import deny_unless
from funding import permissions
from funding.forms import ImportForm
from funding.models import ImportRun
from funding.selectors.imports import pending_matches
from funding.services.import_runs import import_run_create, recipient_match_decide

from .common import page_of


def _crumbs(*last):
    return [("Home", reverse("home")), ("Funding programmes", reverse("funding:programme-list")), *last]


@login_required
@require_http_methods(["GET", "POST"])
def import_grants(request):
    deny_unless(permissions.can_import(request.user))
    funders = list(permissions.funder_choices(request.user))
    form = ImportForm(
        request.POST or None, request.FILES or None, funders=funders, any_funder=request.user.is_superuser
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = import_run_create(
            file_name=upload.name,
            content=upload.read(),
            funder=form.cleaned_data.get("funder") or form.only_funder,
            strict=form.cleaned_data["strict"],
            user=request.user,
        )
        return redirect("funding:import-run", pk=run.pk)
    return render(
        request,
        "funding/import.html",
        {"form": form, "breadcrumbs": _crumbs(("Import 360Giving data", None))},
    )


@login_required
def import_run(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("funder"), pk=pk)
    if not permissions.can_view_import(request.user, run):
        raise Http404
    return render(
        request,
        "funding/import_run.html",
        {
            "run": run,
            "warnings": page_of(request, run.warnings, size=100),
            "breadcrumbs": _crumbs(("Import 360Giving data", reverse("funding:import")), (run.file_name, None)),
        },
    )


@login_required
def match_queue(request):
    deny_unless(permissions.can_import(request.user))
    return render(
        request,
        "funding/match_queue.html",
        {
            "matches": pending_matches(request.user),
            "breadcrumbs": _crumbs(("Recipients to confirm", None)),
        },
    )


@login_required
@require_POST
def match_decide(request, pk):
    match = get_object_or_404(pending_matches(request.user), pk=pk)
    confirm = request.POST.get("decision") == "confirm"
    try:
        moved = recipient_match_decide(match=match, confirm=confirm, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if confirm:
            messages.success(request, f"{match.recipient_name} is {match.candidate.name}: {moved} awards updated.")
        else:
            messages.success(request, f"{match.recipient_name} is kept apart from {match.candidate.name}.")
    return redirect("funding:match-queue")
