"""Every write to the annual review a person asks for: a build (queued; reviews.jobs builds it),
retrying a failed one, publishing, withdrawing, and the actions for next year."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.background import queue
from undertakings.models import ReportingPeriod

from .models import ActionProgress, AnnualReview, ReviewAction, ReviewStatus
from .permissions import can_manage
from .tasks import build_review

NOT_ALLOWED = "Only the Compact's steering group or a site administrator can do this."
PERIOD_NOT_IN_COMPACT = "That reporting period belongs to another Compact."
ALREADY_BUILDING = "The review for this period is already being built. Wait for it to finish."
RETRY_ONLY_FAILED = "Only a review that failed can be tried again."
PUBLISH_ONLY_SUCCEEDED = "Only a review that has been built can be published."
ALREADY_PUBLISHED = "This version is already the published review."
WITHDRAW_ONLY_PUBLISHED = "Only the published review can be withdrawn."
WITHDRAWAL_REASON_REQUIRED = "Say why the review is being withdrawn"
INTERIM_REASON_REQUIRED = "This is an interim review: say why it should be published before the final one"
ACTION_REQUIRED = "Enter the action"
OWNER_REQUIRED = "Enter who owns the action"


def _check_period(compact, period) -> None:
    if period.compact_id != compact.pk:
        raise ValidationError(PERIOD_NOT_IN_COMPACT)


def _queue(review_id: int) -> None:
    transaction.on_commit(lambda: queue(build_review, review_id))


# --- Asking for a build ----------------------------------------------------------------------------


def review_request(*, compact, period, user, queue: bool = True) -> AnnualReview:
    """Create the next version, queued, and queue its build once the row is committed (so the task
    never looks for a row that is not there yet). `queue=False` leaves the build to the caller (the
    demo builds in-process and publishes at once)."""
    if not can_manage(user, compact):
        raise ValidationError(NOT_ALLOWED)
    _check_period(compact, period)
    with transaction.atomic():
        # Lock the period so two clicks at once cannot take the same version number.
        ReportingPeriod.objects.select_for_update().get(pk=period.pk)
        existing = AnnualReview.objects.for_period(compact, period)
        if existing.active().exists():
            raise ValidationError(ALREADY_BUILDING)
        latest = existing.aggregate(n=Max("version"))["n"] or 0
        review = AnnualReview.objects.create(
            compact=compact,
            period=period,
            version=latest + 1,
            requested_by=user,
            requested_at=timezone.now(),
            heartbeat_at=timezone.now(),
            progress_message="Waiting for the build to start",
        )
        if queue:
            _queue(review.pk)
    return review


def review_retry(*, review: AnnualReview, user) -> AnnualReview:
    """Queue a failed version again, as the same version: it never produced a report, so a new
    version number would only add a failed row to the history. The attempt count starts again."""
    if not can_manage(user, review.compact):
        raise ValidationError(NOT_ALLOWED)
    with transaction.atomic():
        updated = AnnualReview.objects.filter(pk=review.pk, status=ReviewStatus.FAILED).update(
            status=ReviewStatus.QUEUED,
            attempts=0,
            progress=0,
            progress_message="Waiting for the build to start",
            failure_reason="",
            started_at=None,
            heartbeat_at=timezone.now(),
            finished_at=None,
        )
        if not updated:
            raise ValidationError(RETRY_ONLY_FAILED)
        _queue(review.pk)
    review.refresh_from_db()
    return review


# --- Publishing --------------------------------------------------------------------------------------


def review_publish(*, review: AnnualReview, user, interim_reason: str = "") -> AnnualReview:
    """Make this version the published review of its Compact and period. A version published
    before stays in the history (its published_at is kept) but is no longer the published one.
    An interim review (period not ended, or returns outstanding) needs a stated reason, printed
    with it, so a partial picture is never published by a click alone."""
    if not can_manage(user, review.compact):
        raise ValidationError(NOT_ALLOWED)
    with transaction.atomic():
        review = AnnualReview.objects.select_for_update().get(pk=review.pk)
        if review.status != ReviewStatus.SUCCEEDED:
            raise ValidationError(PUBLISH_ONLY_SUCCEEDED)
        if review.is_published:
            raise ValidationError(ALREADY_PUBLISHED)
        interim_reason = interim_reason.strip() if review.is_interim else ""
        if review.is_interim and not interim_reason:
            raise ValidationError({"interim_reason": INTERIM_REASON_REQUIRED})
        AnnualReview.objects.for_period(review.compact_id, review.period_id).published().update(is_published=False)
        review.is_published = True
        review.published_at = timezone.now()
        review.published_by = user
        review.interim_reason = interim_reason
        review.withdrawn_at, review.withdrawn_by, review.withdrawal_reason = None, None, ""
        review.save(
            update_fields=[
                "is_published",
                "interim_reason",
                "published_at",
                "published_by",
                "withdrawn_at",
                "withdrawn_by",
                "withdrawal_reason",
            ]
        )
    return review


def review_withdraw(*, review: AnnualReview, user, reason: str) -> AnnualReview:
    """Take the published review off the public pages, for example when it holds a mistake or
    something that should not have been published. The version keeps its dataset and PDF for the
    steering group, with who withdrew it and why; the period has no published review until a
    version is published again."""
    if not can_manage(user, review.compact):
        raise ValidationError(NOT_ALLOWED)
    if not reason.strip():
        raise ValidationError({"reason": WITHDRAWAL_REASON_REQUIRED})
    with transaction.atomic():
        review = AnnualReview.objects.select_for_update().get(pk=review.pk)
        if not review.is_published:
            raise ValidationError(WITHDRAW_ONLY_PUBLISHED)
        review.is_published = False
        review.withdrawn_at, review.withdrawn_by, review.withdrawal_reason = timezone.now(), user, reason.strip()
        review.save(update_fields=["is_published", "withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    return review


# --- Actions for next year ---------------------------------------------------------------------------


def _check_action(action: str, owner: str) -> None:
    errors = {}
    if not action.strip():
        errors["action"] = ACTION_REQUIRED
    if not owner.strip():
        errors["owner"] = OWNER_REQUIRED
    if errors:
        raise ValidationError(errors)


def review_action_create(*, compact, period, user, action: str, owner: str, due=None) -> ReviewAction:
    if not can_manage(user, compact):
        raise ValidationError(NOT_ALLOWED)
    _check_period(compact, period)
    _check_action(action, owner)
    with transaction.atomic():
        last = ReviewAction.objects.filter(compact=compact, period=period).aggregate(n=Max("position"))["n"]
        return ReviewAction.objects.create(
            compact=compact,
            period=period,
            action=action.strip(),
            owner=owner.strip(),
            due=due,
            position=(last or 0) + 1,
        )


def review_action_update(*, item: ReviewAction, user, action: str, owner: str, due=None) -> ReviewAction:
    if not can_manage(user, item.compact):
        raise ValidationError(NOT_ALLOWED)
    _check_action(action, owner)
    with transaction.atomic():
        item.action, item.owner, item.due = action.strip(), owner.strip(), due
        item.save()
    return item


def review_action_delete(*, item: ReviewAction, user) -> None:
    if not can_manage(user, item.compact):
        raise ValidationError(NOT_ALLOWED)
    with transaction.atomic():
        item.delete()


PROGRESS_REQUIRED = "Say what became of the action"
PROGRESS_NOTE_REQUIRED = "Say what happened, in a sentence"


def review_action_progress(*, item: ReviewAction, user, progress: str, note: str) -> ReviewAction:
    """Record what became of last year's action (done, in progress or dropped, with a sentence): the
    next review prints it."""
    if not can_manage(user, item.compact):
        raise ValidationError(NOT_ALLOWED)
    errors = {}
    if progress not in ActionProgress.values:
        errors["progress"] = PROGRESS_REQUIRED
    if not note.strip():
        errors["note"] = PROGRESS_NOTE_REQUIRED
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item.progress, item.progress_note = progress, note.strip()
        item.save(update_fields=["progress", "progress_note"])
    return item
