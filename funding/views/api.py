"""GET /api/v1/grants: awards as a 360Giving JSON package, open data for anyone, answered through
common.api (one error shape, CORS, GET and HEAD only, one paging envelope under "meta")."""

from django.http import HttpRequest, HttpResponse

from common.api import error_response, json_response, open_data, page_of, paging
from funding.selectors import award_list, resolve_funder
from funding.threesixty import export
from organisations.forms.public import resolve_compact

from .common import parse_iso_date

API_PAGE_SIZE = 500
BAD_DATE = "{name} must be a date written YYYY-MM-DD."


@open_data
def grants(request: HttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    start, end = parse_iso_date(request.GET.get("from")), parse_iso_date(request.GET.get("to"))
    for name, value in (("from", start), ("to", end)):
        if request.GET.get(name) and value is None:
            errors[name] = [BAD_DATE.format(name=name)]
    compact, compact_error = resolve_compact(request.GET.get("compact", ""))
    if compact_error:
        errors["compact"] = [compact_error]
    funder, funder_error = resolve_funder(request.GET.get("funder", ""), compact)
    if funder_error:
        errors["funder"] = [funder_error]
    if errors:
        return error_response(errors)
    awards = award_list(funder=funder, start=start, end=end, compact=compact).order_by("award_date", "pk")
    page = page_of(request, awards, API_PAGE_SIZE)
    body = export.package(page.object_list)
    body["meta"] = paging(request, page)
    return json_response(body)
