"""Read-only open data: the eligibility test and the directory, answered through common.api (one
error shape, CORS, GET and HEAD only). This app's part of the OpenAPI document is in ../openapi.py."""

from django.urls import reverse
from django.utils import timezone

from common.api import error_response, json_response, open_data, page_of, paging

from ..bme_definitions import current_definition
from ..bme_led import assess_board, decimal_share, default_threshold
from ..forms import DirectoryFilterForm, EligibilityForm
from ..forms.public import resolve_compact
from ..models import Sector
from ..selectors.directory import mark_transition_periods
from ..selectors.review import definition_summary
from .directory import filtered_organisations

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
BAD_PAGE_SIZE = f"Enter a page size from 1 to {MAX_PAGE_SIZE}"


def _rule_answer(compact, definition) -> dict:
    """Which Compact's rule answered (name and version), or the portal default."""
    return {
        "compact": compact.slug if compact else None,
        "rule": definition_summary(definition),
    }


@open_data
def eligibility(request):
    form = EligibilityForm(request.GET)
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    errors = dict(form.errors) if not form.is_valid() else {}
    if compact_error:
        errors["compact"] = [compact_error]
    if errors:
        return error_response(errors)
    definition = current_definition(compact) if compact else None
    result = assess_board(**form.cleaned_data, definition=definition.rule if definition else None)
    return json_response(
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
        # Set by mark_transition_periods only when the Compact's rule has a transition period.
        "transition_until": None
        if getattr(o, "bme_led_transition_until", None) is None
        else o.bme_led_transition_until.isoformat(),
        "url": request.build_absolute_uri(reverse("organisations:profile", args=[o.slug])),
    }


@open_data
def organisations(request):
    form = DirectoryFilterForm(request.GET)
    rows = filtered_organisations(form)
    errors = dict(form.errors)
    page_size = _page_size(request)
    if page_size is None:
        errors["page_size"] = [BAD_PAGE_SIZE]
    if errors:
        return error_response(errors)
    page = page_of(request, rows, page_size)
    compact = form.compacts.get(form.cleaned_data.get("compact") or "")
    definition = current_definition(compact) if compact else None
    mark_transition_periods(
        page.object_list, on_date=timezone.localdate(), definition=definition.rule if definition else None
    )
    return json_response(
        {
            "as_of": timezone.localdate().isoformat(),
            "threshold": decimal_share(definition.rule.threshold if definition else default_threshold()),
            **_rule_answer(compact, definition),
            **paging(request, page),
            "results": [_organisation(request, o) for o in page.object_list],
        }
    )
