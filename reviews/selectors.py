"""Reads for the annual review pages."""

from django.db.models import Prefetch

from organisations.models import Compact
from undertakings.models import ReportingPeriod

from .models import AnnualReview, ReviewAction


def published_reviews():
    return (
        AnnualReview.objects.published()
        .select_related("compact", "period")
        .order_by("-period__end_date", "compact__name")
    )


def versions_for(compact, period):
    return (
        AnnualReview.objects.for_period(compact, period)
        .select_related("requested_by", "published_by")
        .defer("dataset")
        .order_by("-version")
    )


def actions_for(compact, period):
    return ReviewAction.objects.filter(compact=compact, period=period)


def compacts_to_manage(roles):
    """Compacts the person may build reviews for, each with its periods and their versions (newest
    first) prefetched: three queries whatever the numbers."""
    compacts = Compact.objects.all() if roles.is_site_admin else Compact.objects.filter(pk__in=roles.steering_compacts)
    versions = AnnualReview.objects.defer("dataset").order_by("-version")
    periods = ReportingPeriod.objects.order_by("-start_date").prefetch_related(
        Prefetch("annual_reviews", queryset=versions, to_attr="versions")
    )
    return compacts.order_by("name").prefetch_related(Prefetch("periods", queryset=periods, to_attr="period_list"))
