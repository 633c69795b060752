"""An organisation's admin downloads everything the portal holds about it, as one JSON file."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from common.apps_modules import app_modules

from ..permissions import can_download_organisation_data, get_organisation_for_user


@login_required
@require_GET
def download(request, slug):
    organisation = get_organisation_for_user(request.user, slug)
    if not can_download_organisation_data(request.user, organisation):
        raise PermissionDenied
    data = {
        "organisation": organisation.name,
        "downloaded_at": timezone.now().isoformat(timespec="seconds"),
        "downloaded_by": request.user.email,
    }
    # Each app's `organisation_data.py` adds its sections (organisations/organisation_data.py).
    for label, module in app_modules("organisation_data"):
        data[label] = module.sections(organisation)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-data.json"'
    response["Cache-Control"] = "no-store, private"
    return response
