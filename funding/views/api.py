"""GET /api/v1/grants: awards as a 360Giving JSON package, open data for anyone."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import reverse

from funding.selectors import award_list
from funding.threesixty import export
from organisations.forms.public import resolve_compact
from organisations.models import Organisation

from .common import parse_iso_date

API_PAGE_SIZE = 500
BAD_DATE = "{name} must be a date written YYYY-MM-DD."
UNKNOWN_FUNDER = "No funder has the organisation identifier {value}."


def grants(request):
    errors = []
    start, end = parse_iso_date(request.GET.get("from")), parse_iso_date(request.GET.get("to"))
    for name, value in (("from", start), ("to", end)):
        if request.GET.get(name) and value is None:
            errors.append(BAD_DATE.format(name=name))
    funder = None
    if request.GET.get("funder"):
        funder = Organisation.objects.filter(org_id=request.GET["funder"]).first()
        if funder is None:
            errors.append(UNKNOWN_FUNDER.format(value=request.GET["funder"]))
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    if compact_error:
        errors.append(compact_error)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    awards = award_list(funder=funder, start=start, end=end, compact=compact).order_by("award_date", "pk")
    page = Paginator(awards, API_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    links = {}
    for rel, has, number in (("next", page.has_next, page.number + 1), ("prev", page.has_previous, page.number - 1)):
        if has():
            query["page"] = number
            links[rel] = request.build_absolute_uri(f"{reverse('funding:grants-api')}?{query.urlencode()}")
    body = export.package(page.object_list)
    body["meta"] = {"page": page.number, "pages": page.paginator.num_pages, "count": page.paginator.count, **links}
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
