"""The steering group's pages: which reviews to build, the build page for a Compact and period
(actions for next year, the versions), one version's progress, publishing, withdrawing, retrying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.api import json_response
from organisations.roles import roles_for
from undertakings.review import previous_period

from .. import permissions, services
from ..forms import PublishForm, WithdrawForm
from ..models import ReviewStatus
from ..narrative import narrative_for
from ..selectors import actions_for, compacts_to_manage, versions_for
from .public import pdf_response


def _manage_url(compact, period) -> str:
    return reverse("reviews:manage", args=[compact.slug, period.label])


def _version_url(review) -> str:
    return reverse("reviews:version", args=[review.compact.slug, review.period.label, review.version])


def _crumbs(compact, period, *rest):
    return [
        ("Annual reviews", reverse("reviews:list")),
        ("Build a review", reverse("reviews:build-index")),
        (f"{compact.name} {period.label}", _manage_url(compact, period) if rest else None),
        *rest,
    ]


@login_required
@require_GET
def build_index(request):
    if not permissions.can_manage_any(request.user):
        raise PermissionDenied
    return render(
        request,
        "reviews/build_index.html",
        {
            "compacts": compacts_to_manage(roles_for(request.user)),
            "breadcrumbs": [("Annual reviews", reverse("reviews:list")), ("Build a review", None)],
        },
    )


@login_required
@require_GET
def manage(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    versions = list(versions_for(compact, period))
    previous = previous_period(period)
    for review in versions:
        review.compact, review.period = compact, period  # spare a query per row for URLs and filenames
    return render(
        request,
        "reviews/manage.html",
        {
            "compact": compact,
            "period": period,
            "actions": actions_for(compact, period),
            "narrative": narrative_for(compact, period),
            "previous": previous,
            "last_year_actions": actions_for(compact, previous) if previous else [],
            "narrative_frozen": any(v.is_published for v in versions),
            "versions": versions,
            "building": any(not v.is_finished for v in versions),
            "breadcrumbs": _crumbs(compact, period),
        },
    )


@login_required
@require_POST
def request_build(request, compact, period):
    compact, period = permissions.get_period_for_manager(request.user, compact, period)
    try:
        review = services.review_request(compact=compact, period=period, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_manage_url(compact, period))
    return redirect(_version_url(review))


@login_required
@require_GET
def version(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    return render(
        request,
        "reviews/version.html",
        {
            "review": review,
            "can_publish": permissions.can_publish(request.user, review),
            "can_retry": permissions.can_retry(request.user, review),
            "can_withdraw": permissions.can_withdraw(request.user, review),
            "status_url": reverse("reviews:version-status", args=[compact, period, number]),
            "breadcrumbs": _crumbs(review.compact, review.period, (f"Version {review.version}", None)),
        },
    )


@login_required
@require_GET
def version_status(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    # For the signed-in steering group's own page only: no CORS, unlike the open data.
    return json_response(
        {
            "status": review.status,
            "status_label": review.get_status_display(),
            "progress": review.progress,
            "message": review.progress_message,
            "finished": review.is_finished,
        },
        headers={"Cache-Control": "no-store"},
    )


@login_required
@require_GET
def version_html(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    if review.status != ReviewStatus.SUCCEEDED:
        raise Http404("Not built yet")
    return render(
        request,
        "reviews/report_page.html",
        {
            "review": review,
            "dataset": review.dataset,
            "preview": not review.is_published,
            "pdf_url": reverse("reviews:version-pdf", args=[compact, period, number]) if review.pdf else None,
            "breadcrumbs": _crumbs(
                review.compact, review.period, (f"Version {review.version}", _version_url(review)), ("Report", None)
            ),
        },
    )


@login_required
@require_GET
def version_pdf(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    if not permissions.can_download(request.user, review):
        raise Http404("Not built yet")
    return pdf_response(review)


@login_required
@require_POST
def retry(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    try:
        services.review_retry(review=review, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_version_url(review))


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    if not permissions.can_publish(request.user, review):
        raise PermissionDenied
    # An interim review (period not ended, returns outstanding) is published only with a reason.
    form = PublishForm(request.POST or None) if review.is_interim else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            services.review_publish(
                review=review, user=request.user, interim_reason=form.cleaned_data["interim_reason"] if form else ""
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(_version_url(review))
        messages.success(request, f"Version {review.version} is now the published review. Anyone can read it.")
        return redirect(reverse("reviews:published", args=[compact, period]))
    current = review.__class__.objects.for_period(review.compact, review.period).published().first()
    explanation = "Anyone will be able to read and download it on the annual reviews page."
    if review.is_interim:
        explanation = (
            "This is an interim review: " + " ".join(review.dataset.get("interim_reasons", [])) + " " + explanation
        )
    if current:
        explanation += f" It replaces version {current.version}, which stays in the list of versions."
    return render(
        request,
        "confirm.html",
        {
            "question": f"Publish version {review.version} of the {review.title}?",
            "form": form,
            "explanation": explanation,
            "button_label": "Publish the review",
            "cancel_url": _version_url(review),
            "title": "Publish the review",
            "breadcrumbs": _crumbs(
                review.compact, review.period, (f"Version {review.version}", _version_url(review)), ("Publish", None)
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, compact, period, number):
    review = permissions.get_version_for_user(request.user, compact, period, number)
    if not permissions.can_withdraw(request.user, review):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_withdraw(review=review, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Version {review.version} is withdrawn. The public can no longer read it.")
        return redirect(_version_url(review))
    return render(
        request,
        "confirm.html",
        {
            "question": f"Withdraw the published {review.title}?",
            "form": form,
            "explanation": "It will disappear from the annual reviews page and its address will stop working. "
            "The version stays here, and you can publish it or another version again.",
            "button_label": "Withdraw the review",
            "cancel_url": _version_url(review),
            "title": "Withdraw the review",
            "breadcrumbs": _crumbs(
                review.compact, review.period, (f"Version {review.version}", _version_url(review)), ("Withdraw", None)
            ),
        },
    )
