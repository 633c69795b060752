"""Demo actions for next year for the Northamptonshire Compact's latest ended period, and that
period's review built and published, so that the public list at /reviews/ has one to show.

The build runs here, in this process, through the same service a worker calls (about 3 seconds);
the chair (steering@northants.example) can build further versions with one click. Tests switch the
build off with DEMO_BUILD_ANNUAL_REVIEW, except the one that checks it."""

import datetime

from django.conf import settings

from organisations.models import Compact
from undertakings.selectors import last_ended_period

from . import services
from .models import AnnualReview, ReviewAction

ACTIONS = [
    (
        "Publish every consultation for the full 12 weeks, or record why not on the portal.",
        "Public bodies' consultation leads",
        (9, 30),
    ),
    (
        "Bring the board declarations of all voluntary sector signatories up to date.",
        "Northampton African Caribbean Forum and the steering group",
        (12, 31),
    ),
    (
        "Hold a joint review with each funded group before any funding is withdrawn.",
        "Funding officers' network",
        (3, 31),
    ),
]
INTERIM_REASON = (
    "The annual meeting asked for the year's figures as they stand. The final review will follow when "
    "the last compliance returns have been given in and reviewed."
)


def load() -> str:
    compact = Compact.objects.filter(slug="northamptonshire").first()
    if compact is None:
        return "reviews: no Northamptonshire Compact (load organisations first)"
    period = last_ended_period(compact=compact)
    if period is None:
        return "reviews: no ended reporting period for Northamptonshire"
    created = 0
    for position, (text, owner, (month, day)) in enumerate(ACTIONS, start=1):
        year = period.end_date.year + (0 if month > period.end_date.month else 1)
        _, made = ReviewAction.objects.get_or_create(
            compact=compact,
            period=period,
            action=text,
            defaults={"owner": owner, "due": datetime.date(year, month, day), "position": position},
        )
        created += made
    summary = f"reviews: {len(ACTIONS)} actions for next year for {compact.name} {period.label} ({created} new)"
    if settings.DEMO_BUILD_ANNUAL_REVIEW:
        summary += _publish_a_review(compact, period)
    return summary


def _publish_a_review(compact, period) -> str:
    if AnnualReview.objects.for_period(compact, period).published().exists():
        return "; its review is already published"
    chair = compact.steering_group.select_related("user").order_by("start_date", "pk").first()
    if chair is None:
        return "; no steering group member to publish its review"
    # Built now, not by a task, so that it can be published in the same run.
    review = services.review_request(compact=compact, period=period, user=chair.user, queue=False)
    services.review_build(review_id=review.pk)
    review.refresh_from_db()
    # Some of the year's returns are still with the bodies, so the review is an interim one: the
    # steering group publishes it for the annual meeting and says so.
    services.review_publish(
        review=review,
        user=chair.user,
        interim_reason=INTERIM_REASON if review.is_interim else "",
    )
    return f"; review version {review.version} built ({review.page_count} pages) and published"
