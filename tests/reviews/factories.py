"""Annual review rows for tests, made directly (no build), with a small file standing in for the PDF."""

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from reviews.dataset import build_dataset
from reviews.models import AnnualReview, ReviewAction, ReviewStatus

FAKE_PDF = b"%PDF-1.7\n% a stand-in for a built review\n%%EOF\n"


def make_review(
    world, *, version: int = 1, status: str = ReviewStatus.SUCCEEDED, published: bool = False, period=None, compact=None
) -> AnnualReview:
    compact = compact or world.compact
    period = period or world.period
    now = timezone.now()
    review = AnnualReview(
        compact=compact,
        period=period,
        version=version,
        requested_by=world.users["steering_member"],
        requested_at=now - datetime.timedelta(minutes=10),
        status=status,
    )
    if status == ReviewStatus.SUCCEEDED:
        review.dataset = build_dataset(compact=compact, period=period, actions=[], built_at=now)
        name = f"reviews/{compact.slug}/{review.pdf_filename()}"
        path = Path(settings.MEDIA_ROOT) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(FAKE_PDF)
        review.pdf, review.page_count, review.progress = name, 1, 100
        review.started_at = review.finished_at = now
    if status == ReviewStatus.FAILED:
        review.failure_reason = "Something went wrong while building the review (RuntimeError: boom)."
        review.attempts, review.finished_at = 1, now
    if published:
        review.is_published, review.published_at, review.published_by = True, now, world.users["steering_member"]
    review.save()
    return review


def make_action(world, text="Meet the funders' forum twice a year", owner="The steering group", position=1):
    return ReviewAction.objects.create(
        compact=world.compact,
        period=world.period,
        action=text,
        owner=owner,
        due=datetime.date(2027, 3, 31),
        position=position,
    )
