"""Published annual reviews, for everyone."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

from common.api import json_response, open_data
from common.csv_export import csv_response

from .. import annexes
from ..permissions import can_manage_any, get_published_review
from ..selectors import published_reviews


def review_list(request):
    page = Paginator(published_reviews(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/list.html",
        {
            "page_obj": page,
            "reviews": page.object_list,
            "can_build": can_manage_any(request.user),
        },
    )


def published(request, compact, period):
    review = get_published_review(compact, period)
    return render(
        request,
        "reviews/report_page.html",
        {
            "review": review,
            "dataset": review.dataset,
            "pdf_url": reverse("reviews:published-pdf", args=[compact, period]),
            "data_url": reverse("reviews:published-data", args=[compact, period]),
            "interim_reason": review.interim_reason,
            "breadcrumbs": [("Annual reviews", reverse("reviews:list")), (review.title, None)],
        },
    )


def published_pdf(request, compact, period):
    return pdf_response(get_published_review(compact, period))


@open_data
def published_data(request, compact, period):
    """The figures behind the published report, as stored when it was built (docs/annual-review-dataset.md):
    open data for anyone who wants to reuse them, and the same numbers the PDF prints."""
    review = get_published_review(compact, period)
    data = review.dataset
    if review.interim_reason:
        data = {**data, "interim_published_because": review.interim_reason}
    response = json_response(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{review.pdf_filename().removesuffix(".pdf")}.json"'
    return response


def pdf_response(review):
    if not review.pdf:
        raise Http404("No PDF")
    try:
        handle = review.pdf.open("rb")
    except FileNotFoundError:
        raise Http404("The PDF is missing") from None
    return FileResponse(handle, as_attachment=True, filename=review.pdf_filename(), content_type="application/pdf")


def published_table(request, compact, period, table):
    """One of the lists that grow with the Compact (every statement, signatory, BME-led organisation,
    lesson), as CSV open data drawn from the published review's stored dataset."""
    review = get_published_review(compact, period)
    if table not in annexes.NAMES:
        raise Http404("No such table")
    header, rows = annexes.table(review.dataset, table)
    return csv_response(f"{review.pdf_filename().removesuffix('.pdf')}-{table}.csv", header, rows)
