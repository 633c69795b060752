from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from funding import permissions
from funding.forms import ImportForm
from funding.services.imports import ImportRefused, grants_import

from .common import deny_unless


@login_required
@require_http_methods(["GET", "POST"])
def import_grants(request):
    deny_unless(permissions.can_import(request.user))
    funders = list(permissions.funder_choices(request.user))
    form = ImportForm(request.POST or None, request.FILES or None, funders=funders)
    result = refused = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        funder = form.cleaned_data.get("funder") or form.only_funder
        try:
            result = grants_import(name=upload.name, content=upload.read(), funder=funder, user=request.user)
        except ImportRefused as error:
            refused = error.problems
    return render(
        request,
        "funding/import.html",
        {
            "form": form,
            "result": result,
            "refused": refused,
            "breadcrumbs": [
                ("Home", reverse("home")),
                ("Funding programmes", reverse("funding:programme-list")),
                ("Import 360Giving data", None),
            ],
        },
    )
