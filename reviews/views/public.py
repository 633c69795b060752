"""Published annual reviews, for everyone."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

from ..permissions import can_manage_any, get_published_review
from ..selectors import published_reviews


def review_list(request):
    page = Paginator(published_reviews(), 25).get_page(request.GET.get("page"))
    return render(request, "reviews/list.html", {
        "page_obj": page, "reviews": page.object_list, "can_build": can_manage_any(request.user),
    })


def published(request, compact, period):
    review = get_published_review(compact, period)
    return render(request, "reviews/report_page.html", {
        "review": review, "dataset": review.dataset,
        "pdf_url": reverse("reviews:published-pdf", args=[compact, period]),
        "breadcrumbs": [("Annual reviews", reverse("reviews:list")), (review.title, None)],
    })


def published_pdf(request, compact, period):
    return pdf_response(get_published_review(compact, period))


def pdf_response(review):
    if not review.pdf:
        raise Http404("No PDF")
    try:
        handle = review.pdf.open("rb")
    except FileNotFoundError:
        raise Http404("The PDF is missing") from None
    return FileResponse(handle, as_attachment=True, filename=review.pdf_filename(), content_type="application/pdf")
