"""The one layer every JSON endpoint of the portal answers through (docs/architecture.md, "Open-data API").

- `json_response`: JSON as UTF-8 (names such as "Tŷ Cymunedol" stay readable), `application/json`.
- `error_response`: the one error shape, `{"errors": {parameter: [messages]}}` with status 400. Each
  message sits under the query parameter it is about ("__all__" for the request as a whole, Django's
  name for non-field errors), so a client can show it beside the right input; a flat list of
  sentences, which the grants API once sent, cannot say which parameter was wrong.
- `open_data`: a decorator for the public read-only endpoints: any website may read them from a
  browser (CORS), and only GET and HEAD are answered; any other method gets 405 with `Allow`, in the
  same error shape. OPTIONS (a browser's preflight) is answered with the methods and headers allowed.
- `page_of` / `paging`: one paging rule (a page number from 1 to the last, otherwise an error) and one
  envelope (count, page, pages, page_size, next, previous).

The OpenAPI schema of the error shape, `ERRORS_SCHEMA`, is defined here once; compact_portal/openapi.py
assembles the document from each app's `openapi.py`.
"""

from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

ALLOWED_METHODS = ("GET", "HEAD")
CORS_HEADERS = {
    # Open data: any website may read it from a browser. No cookies are read or sent back, so "*"
    # gives nobody anything they could not fetch themselves.
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ", ".join(ALLOWED_METHODS),
    "Access-Control-Max-Age": "86400",
}
READ_ONLY = "This API only reads: use GET."
BAD_PAGE = "Enter a page number of 1 or more"
PAGE_NOT_FOUND = "There is no page {page}: the last page is {last}"

# The OpenAPI (JSON Schema 2020-12) description of `error_response`'s body, referenced by each app's
# openapi.py as "#/components/schemas/Errors".
ERRORS_SCHEMA_NAME = "Errors"
ERRORS_SCHEMA = {
    "type": "object",
    "required": ["errors"],
    "additionalProperties": False,
    "properties": {
        "errors": {
            "type": "object",
            "description": "Messages for each parameter that was wrong (__all__ for the request as a whole).",
            "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        }
    },
}


def errors_response_spec(description: str) -> dict:
    """An OpenAPI response object for a 400 in the one error shape."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERRORS_SCHEMA_NAME}"}}},
    }


class ApiErrors(Exception):
    """Raised by a helper (such as `page_of`) to answer with `error_response` instead."""

    def __init__(self, errors: Mapping[str, Iterable[str]]):
        super().__init__(errors)
        self.errors = errors


def json_response(data: Any, status: int = 200, **kwargs: Any) -> JsonResponse:
    kwargs.setdefault("json_dumps_params", {"ensure_ascii": False})
    return JsonResponse(data, status=status, **kwargs)


def error_response(errors: Mapping[str, Iterable[str]], status: int = 400) -> JsonResponse:
    return json_response({"errors": {field: list(messages) for field, messages in errors.items()}}, status=status)


def open_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public, read-only JSON endpoint: GET and HEAD only, CORS headers on every answer (errors
    included, so a browser client can read why it was refused)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            response: HttpResponse = HttpResponse(status=204)
            response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "")
        elif request.method not in ALLOWED_METHODS:
            response = error_response({"__all__": [READ_ONLY]}, status=405)
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiErrors as refused:
                response = error_response(refused.errors)
        if request.method not in ALLOWED_METHODS:
            response["Allow"] = ", ".join((*ALLOWED_METHODS, "OPTIONS"))
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    # Exempt from CSRF: the endpoint writes nothing and answers every method but GET, HEAD and
    # OPTIONS itself with 405 in the error shape. Otherwise the CSRF middleware would answer a POST
    # first, with its HTML 403 page, before this guard could.
    return csrf_exempt(wrapper)


def page_of(request: HttpRequest, rows: Any, page_size: int) -> Page:
    """The page `?page=` asks for, from 1 to the last; anything else raises ApiErrors, never a guess
    (a client walking the pages must not be handed the last page twice)."""
    paginator = Paginator(rows, page_size)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        raise ApiErrors({"page": [BAD_PAGE]}) from None
    except EmptyPage:
        if number.lstrip("-").isdigit() and int(number) < 1:
            raise ApiErrors({"page": [BAD_PAGE]}) from None
        raise ApiErrors({"page": [PAGE_NOT_FOUND.format(page=number, last=paginator.num_pages)]}) from None


def paging(request: HttpRequest, page: Page) -> dict:
    """The paging envelope: how many rows in all, which page of how many, and links to the pages
    either side (null at the ends), keeping every other parameter of the request."""

    def link(number: int) -> str:
        query = {**request.GET.dict(), "page": number}
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "page_size": page.paginator.per_page,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
    }


PAGING_PROPERTIES = {
    "count": {"type": "integer", "minimum": 0},
    "page": {"type": "integer", "minimum": 1},
    "pages": {"type": "integer", "minimum": 1},
    "page_size": {"type": "integer", "minimum": 1},
    "next": {"type": ["string", "null"], "format": "uri"},
    "previous": {"type": ["string", "null"], "format": "uri"},
}
