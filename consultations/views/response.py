"""The published response ("you said, we did"): the page, its versions, one comment's answer, and the
PDF, which is served as stored (rendered once, by a task, when the response was published)."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common import ratelimit

from .. import permissions, selectors, services
from ..jobs import PDF_RESEND_AFTER
from ..models import PdfStatus, ResponseVersion
from .common import crumbs, with_consultation

# A PDF that is missing (its task was lost) is queued again at most once per PDF_RESEND_AFTER per
# version, the same wait as beat's sweep (which a portal run without beat, as `make run`, lacks), and
# each address may ask this many times an hour: no request renders a PDF itself.
PDF_REQUESTS_PER_HOUR = 60


def _check(request, consultation):
    if not permissions.can_view_response(request.user, consultation):
        raise PermissionDenied


def _filters(request) -> dict:
    return {
        "section": request.GET.get("section", ""),
        "theme": request.GET.get("theme", ""),
        "decision": request.GET.get("decision", ""),
        "page": request.GET.get("page", 1),
    }


@with_consultation
def response(request, consultation):
    _check(request, consultation)
    summary = selectors.response_summary(consultation)
    live = summary.figures["by_decision"] if summary.live else None
    entries = selectors.comment_entries(consultation, final=summary.final, decision_totals=live, **_filters(request))
    return render(
        request,
        "consultations/response.html",
        {
            "consultation": consultation,
            "summary": summary,
            "version": summary.version,
            "entries": entries,
            "breadcrumbs": crumbs(consultation, ("You said, we did", None)),
        },
    )


def _version(consultation, number: int) -> ResponseVersion:
    version = consultation.response_versions.filter(number=number).first()
    if version is None:
        raise Http404("No such version")
    return version


@with_consultation
def response_version(request, consultation, number):
    """An earlier (or the current) publication as it was published: its figures and its PDF."""
    _check(request, consultation)
    version = _version(consultation, number)
    summary = selectors.response_summary(consultation, version=version)
    return render(
        request,
        "consultations/response_version.html",
        {
            "consultation": consultation,
            "summary": summary,
            "version": version,
            "current": summary.versions and summary.versions[0].pk == version.pk,
            "breadcrumbs": crumbs(
                consultation,
                ("You said, we did", reverse("consultations:response", args=[consultation.slug])),
                (f"Version {version.number}", None),
            ),
        },
    )


@with_consultation
def response_comment(request, consultation, number):
    """One comment, by its number in the list, and the answer to it: the link in the email to commenters."""
    _check(request, consultation)
    comment = consultation.comments.visible().filter(position=number).first()
    if comment is None:
        raise Http404("No such comment")
    summary = selectors.response_summary(consultation)
    shown = selectors.comment_shown(consultation, comment, final=summary.final)
    return render(
        request,
        "consultations/response_comment.html",
        {
            "consultation": consultation,
            "summary": summary,
            "item": shown,
            "breadcrumbs": crumbs(
                consultation,
                ("You said, we did", reverse("consultations:response", args=[consultation.slug])),
                (f"Comment {number}", None),
            ),
        },
    )


def _serve(request, consultation, version: ResponseVersion | None):
    if version is None:
        raise Http404("No response has been published")
    if not ratelimit.allow(request, "consultations:response-pdf", limit=PDF_REQUESTS_PER_HOUR, window_seconds=3600):
        return _not_yet(request, consultation, version, status=429)
    if version.pdf_status == PdfStatus.READY and version.pdf:
        reply = FileResponse(version.pdf.open("rb"), content_type="application/pdf")
        reply["Content-Disposition"] = f'inline; filename="{consultation.slug}-response-{version.number}.pdf"'
        return reply
    if version.pdf_status == PdfStatus.BUILDING and timezone.now() - version.created_at > PDF_RESEND_AFTER:
        # Queued on publishing and still not there: its task was lost. Queue it again, once a while.
        if cache.add(f"consultations:pdf-requeued:{version.pk}", 1, timeout=int(PDF_RESEND_AFTER.total_seconds())):
            services.response_pdf_queue_again(version=version)
    return _not_yet(request, consultation, version, status=503 if version.pdf_status == PdfStatus.BUILDING else 200)


def _not_yet(request, consultation, version, *, status: int):
    reply = render(
        request,
        "consultations/response_pdf_pending.html",
        {
            "consultation": consultation,
            "version": version,
            "breadcrumbs": crumbs(
                consultation,
                ("You said, we did", reverse("consultations:response", args=[consultation.slug])),
                ("PDF", None),
            ),
        },
        status=status,
    )
    reply["Retry-After"] = "60"
    return reply


@with_consultation
def response_pdf(request, consultation):
    _check(request, consultation)
    return _serve(request, consultation, consultation.response_versions.order_by("-number").first())


@with_consultation
def response_version_pdf(request, consultation, number):
    _check(request, consultation)
    return _serve(request, consultation, _version(consultation, number))
