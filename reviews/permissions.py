"""Who may see and do what with annual reviews.

Published reviews are public. Everything else (building, versions not published, their HTML and
PDF, the actions for next year before they are published) is for the Compact's steering group and
site admins. A Compact and its periods are public knowledge, so the build page answers 403 to
others; a version or an action is not, so those answer 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.models import Compact
from organisations.roles import roles_for
from undertakings.models import ReportingPeriod

from .models import AnnualReview, ReviewAction, ReviewStatus


def can_manage(user, compact) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.steers(compact.pk)


def can_manage_any(user) -> bool:
    roles = roles_for(user)
    return roles.is_site_admin or roles.is_steering


def can_publish(user, review: AnnualReview) -> bool:
    return can_manage(user, review.compact) and review.status == ReviewStatus.SUCCEEDED and not review.is_published


def can_withdraw(user, review: AnnualReview) -> bool:
    return review.is_published and can_manage(user, review.compact)


def can_retry(user, review: AnnualReview) -> bool:
    return can_manage(user, review.compact) and review.status == ReviewStatus.FAILED


def can_download(user, review: AnnualReview) -> bool:
    return review.status == ReviewStatus.SUCCEEDED and (review.is_published or can_manage(user, review.compact))


def get_compact_period(compact_slug: str, period_label: str) -> tuple[Compact, ReportingPeriod]:
    compact = get_object_or_404(Compact, slug=compact_slug)
    period = get_object_or_404(ReportingPeriod, compact=compact, label=period_label)
    return compact, period


def get_period_for_manager(user, compact_slug: str, period_label: str) -> tuple[Compact, ReportingPeriod]:
    compact, period = get_compact_period(compact_slug, period_label)
    if not can_manage(user, compact):
        raise PermissionDenied
    return compact, period


def get_version_for_user(user, compact_slug: str, period_label: str, number: int) -> AnnualReview:
    review = (
        AnnualReview.objects.select_related("compact", "period", "requested_by", "published_by", "withdrawn_by")
        .filter(compact__slug=compact_slug, period__label=period_label, version=number)
        .first()
    )
    if review is None or not can_manage(user, review.compact):
        raise Http404("No such review")
    return review


def get_published_review(compact_slug: str, period_label: str) -> AnnualReview:
    review = (
        AnnualReview.objects.published()
        .select_related("compact", "period")
        .filter(compact__slug=compact_slug, period__label=period_label)
        .first()
    )
    if review is None:
        raise Http404("No published review")
    return review


def get_action_for_user(user, compact, period, action_id: int) -> ReviewAction:
    item = ReviewAction.objects.select_related("compact").filter(pk=action_id, compact=compact, period=period).first()
    if item is None or not can_manage(user, compact):
        raise Http404("No such action")
    return item
