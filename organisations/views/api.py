"""Read-only open data: the eligibility test, the directory, and the OpenAPI document describing
every app's API (each app adds its paths in `<app>/openapi.py`)."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from common.apps_modules import app_modules

from ..bme_definitions import current_definition
from ..bme_led import assess_board, decimal_share, default_threshold
from ..forms import DirectoryFilterForm, EligibilityForm
from ..forms.public import resolve_compact
from ..models import Sector
from ..selectors.review import definition_summary
from .directory import filtered_organisations

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
PAGE_NOT_FOUND = "There is no page {page}: the last page is {last}"
BAD_PAGE = "Enter a page number of 1 or more"
BAD_PAGE_SIZE = f"Enter a page size from 1 to {MAX_PAGE_SIZE}"


def _json(data, status=200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any website may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _errors(errors: dict) -> JsonResponse:
    return _json({"errors": {field: list(messages) for field, messages in errors.items()}}, status=400)


def _rule_answer(compact, definition) -> dict:
    """Which Compact's rule answered (name and version), or the portal default."""
    return {
        "compact": compact.slug if compact else None,
        "rule": definition_summary(definition),
    }


@require_GET
def eligibility(request):
    form = EligibilityForm(request.GET)
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    errors = dict(form.errors) if not form.is_valid() else {}
    if compact_error:
        errors["compact"] = [compact_error]
    if errors:
        return _errors(errors)
    definition = current_definition(compact) if compact else None
    result = assess_board(**form.cleaned_data, definition=definition.rule if definition else None)
    return _json(
        {
            "outcome": result.outcome.value,
            "bme_share": decimal_share(result.share),
            "threshold": decimal_share(result.threshold),
            "explanation": result.explanation,
            **_rule_answer(compact, definition),
        }
    )


def _page_size(request) -> int | None:
    raw = request.GET.get("page_size", str(DEFAULT_PAGE_SIZE))
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_PAGE_SIZE else None


def _organisation(request, o) -> dict:
    public = o.sector == Sector.PUBLIC
    return {
        "org_id": o.org_id,
        "name": o.name,
        "sector": o.sector,
        "legal_form": o.legal_form or None,
        "public_body_type": o.public_body_type or None,
        "charity_number": o.charity_number or None,
        "company_number": o.company_number or None,
        "postcode": o.postcode or None,
        "areas": [{"code": a.code, "name": a.name} for a in o.areas.all()],
        "works_nationally": o.works_nationally,
        "website": o.website or None,
        "faith_based": o.faith_based,
        "refugee_focus": o.refugee_focus,
        "communities_served": [{"code": g.code, "name": g.name} for g in o.communities_served.all()],
        "service_areas": [{"slug": a.slug, "name": a.name} for a in o.service_areas.all()],
        "bme_led_status": None if public else o.bme_led_outcome,
        "declaration_effective_date": None
        if public or not o.bme_led_effective_date
        else o.bme_led_effective_date.isoformat(),
        "url": request.build_absolute_uri(reverse("organisations:profile", args=[o.slug])),
    }


@require_GET
def organisations(request):
    form = DirectoryFilterForm(request.GET)
    rows = filtered_organisations(form)
    errors = dict(form.errors)
    page_size = _page_size(request)
    if page_size is None:
        errors["page_size"] = [BAD_PAGE_SIZE]
    if errors:
        return _errors(errors)
    paginator = Paginator(rows, page_size)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return _errors({"page": [BAD_PAGE]})
    except EmptyPage:
        number = request.GET.get("page")
        if str(number).lstrip("-").isdigit() and int(number) < 1:
            return _errors({"page": [BAD_PAGE]})
        return _errors({"page": [PAGE_NOT_FOUND.format(page=number, last=paginator.num_pages)]})

    def link(number):
        query = {**request.GET.dict(), "page": number}
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    compact = form.compacts.get(form.cleaned_data.get("compact") or "")
    definition = current_definition(compact) if compact else None
    return _json(
        {
            "as_of": timezone.localdate().isoformat(),
            "threshold": decimal_share(definition.rule.threshold if definition else default_threshold()),
            **_rule_answer(compact, definition),
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "page_size": page_size,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [_organisation(request, o) for o in page.object_list],
        }
    )


def build_openapi_document() -> dict:
    """The OpenAPI 3.1 document: organisations' paths and schemas plus those of every other app in
    settings.LOCAL_APPS that has an `openapi.py` (found at run time, so no import points the wrong way)."""
    paths: dict[str, dict] = {}
    schemas: dict[str, dict] = {}
    for label, module in app_modules("openapi"):
        for kind, collected, fragment in (
            ("path", paths, getattr(module, "PATHS", {})),
            ("schema", schemas, getattr(module, "SCHEMAS", {})),
        ):
            # Two apps giving one name different meanings would silently break the other's
            # references: refuse, so the OpenAPI tests fail instead.
            clashes = [name for name in fragment if name in collected and collected[name] != fragment[name]]
            if clashes:
                raise ImproperlyConfigured(f"{label}.openapi redefines the {kind} {', '.join(clashes)}")
            collected.update(fragment)
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Compact compliance portal open data",
            "version": "1.0.0",
            "description": (
                "Read-only open data from the Compact compliance portal. No key is needed. Dates are "
                "Europe/London; shares and amounts are decimal strings, never floating point."
            ),
            "license": {"name": "Open Government Licence v3.0", "identifier": "OGL-UK-3.0"},
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(schemas.items()))},
    }


@require_GET
def openapi(request):
    return _json(build_openapi_document())
