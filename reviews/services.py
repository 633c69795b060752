"""Every write to the annual review: asking for a build, the build itself (run by the task),
failing, retrying, the sweep of stuck builds, publishing, and the actions for next year."""

import datetime
import logging
import os
import tempfile
import time
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from common.background import queue
from undertakings.models import ReportingPeriod

from .models import ACTIVE_STATUSES, ActionProgress, AnnualReview, ReviewAction, ReviewStatus
from .permissions import can_manage

logger = logging.getLogger(__name__)

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
REASON_TIME_LIMIT = "The build took longer than the time allowed ({minutes} minutes) and was stopped. Try again."
REASON_UNEXPECTED = (
    "Something went wrong while building the review ({error}). Try again; if it fails again, "
    "tell the site administrator."
)
REASON_GAVE_UP = (
    "The build stopped {attempts} times without finishing (for example, the server was restarted) "
    "and will not be tried again automatically. Try again."
)
REASON_WORKER = "The build stopped unexpectedly ({error}). Try again."

# Only honoured when set: lets the real-worker test kill a build half way through (see
# tests/reviews/test_real_stack.py). Never set in production.
TEST_PAUSE_ENV = "REVIEWS_BUILD_TEST_PAUSE"


class BuildSuperseded(Exception):
    """The row is no longer this worker's to build (the sweep handed it to another)."""


def _check_period(compact, period) -> None:
    if period.compact_id != compact.pk:
        raise ValidationError(PERIOD_NOT_IN_COMPACT)


def _queue(review_id: int) -> None:
    from .tasks import build_review

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


# --- The build (called by reviews.tasks.build_review) ------------------------------------------------


def _claim(review_id: int) -> int | None:
    """Take a queued row. The update succeeds for one delivery only; returns this attempt's number."""
    now = timezone.now()
    claimed = AnnualReview.objects.filter(pk=review_id, status=ReviewStatus.QUEUED).update(
        status=ReviewStatus.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        finished_at=None,
        progress=0,
        progress_message="Starting",
        failure_reason="",
    )
    if not claimed:
        return None
    return AnnualReview.objects.values_list("attempts", flat=True).get(pk=review_id)


def _mine(review_id: int, attempt: int):
    """This worker's row: running, and still on the attempt this worker claimed."""
    return AnnualReview.objects.filter(pk=review_id, status=ReviewStatus.RUNNING, attempts=attempt)


def _progress_saver(review_id: int, attempt: int):
    pause = float(os.environ.get(TEST_PAUSE_ENV) or 0)

    def save(percent: int, message: str) -> None:
        if pause:
            time.sleep(pause)
        # 99 at most: 100 means the PDF is in place too.
        if not _mine(review_id, attempt).update(
            progress=max(0, min(int(percent), 99)), progress_message=message[:200], heartbeat_at=timezone.now()
        ):
            raise BuildSuperseded

    return save


def _store_pdf(review: AnnualReview, dataset: dict) -> tuple[int, str]:
    """Render the PDF into a scratch directory, then save it whole to the file storage (the local
    disk or the bucket); returns its pages and stored name. The row names the file only after it
    is saved, so no one can download half a file, and no other process needs this one's disk. The
    PDF is drawn in a child process, which hands its memory back when it ends (reviews.pdf_process)."""
    from .pdf_process import write_pdf

    with tempfile.TemporaryDirectory(prefix="annual-review-") as scratch:
        path = Path(scratch) / review.pdf_filename()
        pages = write_pdf(dataset, path)
        with path.open("rb") as handle:
            name = review.pdf.storage.save(
                f"reviews/{review.compact.slug}/{review.pdf_filename()}", File(handle, name=path.name)
            )
    return pages, name


def review_build(*, review_id: int) -> bool:
    """Build one queued version. Returns False when there was nothing to do.

    1. Claim the row with a conditional update (a second delivery of the task finds it taken).
    2. Gather the dataset, saving progress and a heartbeat after each section.
    3. Store the dataset, then render the PDF to a scratch file and save it whole to the file storage
       (local disk or bucket) before the row names it, so no one can download half a file.
    4. Mark it succeeded, or failed with a reason a steering group member can read.
    Not one transaction: progress must be visible while the build runs. Every write after the claim
    is conditional on the row still being this attempt's, so a build the sweep has handed on stops.
    """
    from .dataset import build_dataset
    from .narrative import narrative_as_dataset, narrative_for

    attempt = _claim(review_id)
    if attempt is None:
        logger.info("Annual review %s is not queued; nothing to do", review_id)
        return False
    review = AnnualReview.objects.select_related("compact", "period").get(pk=review_id)
    actions = [a.as_dataset_item() for a in ReviewAction.objects.filter(compact=review.compact, period=review.period)]
    narrative = narrative_as_dataset(narrative_for(review.compact, review.period))
    try:
        dataset = build_dataset(
            compact=review.compact,
            period=review.period,
            actions=actions,
            built_at=timezone.now(),
            progress=_progress_saver(review_id, attempt),
            narrative=narrative,
        )
        if not _mine(review_id, attempt).update(
            dataset=dataset, progress=95, progress_message="Writing the PDF", heartbeat_at=timezone.now()
        ):
            raise BuildSuperseded
        pages, name = _store_pdf(review, dataset)
        if not _mine(review_id, attempt).update(
            status=ReviewStatus.SUCCEEDED,
            pdf=name,
            page_count=pages,
            progress=100,
            progress_message="Ready",
            finished_at=timezone.now(),
            heartbeat_at=timezone.now(),
        ):
            review.pdf.storage.delete(name)  # nobody will ever name this copy
            raise BuildSuperseded
    except BuildSuperseded:
        logger.warning("Annual review %s attempt %s was handed on; stopping", review_id, attempt)
        return False
    except SoftTimeLimitExceeded:
        _fail(review_id, REASON_TIME_LIMIT.format(minutes=round(settings.REVIEWS_BUILD_TIME_LIMIT / 60)), attempt)
        return False
    except Exception as exc:
        logger.exception("Annual review %s failed", review_id)
        _fail(review_id, REASON_UNEXPECTED.format(error=_describe(exc)), attempt)
        return False
    return True


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _fail(review_id: int, reason: str, attempt: int | None = None) -> bool:
    rows = AnnualReview.objects.filter(pk=review_id, status__in=ACTIVE_STATUSES)
    if attempt is not None:
        rows = rows.filter(attempts=attempt)
    return bool(rows.update(status=ReviewStatus.FAILED, failure_reason=reason, finished_at=timezone.now()))


def review_fail(*, review_id: int, error: BaseException | None = None) -> bool:
    """Mark a queued or running version failed (the task's on_failure hook). Does nothing to a
    version that has already finished."""
    return _fail(
        review_id,
        REASON_WORKER.format(error=_describe(error)) if error else REASON_WORKER.format(error="no reason was given"),
    )


def reviews_sweep_stale(*, now=None) -> dict[str, int]:
    """Requeue builds whose worker stopped without finishing: running with a heartbeat older than
    REVIEWS_BUILD_STALE_AFTER. After REVIEWS_BUILD_MAX_ATTEMPTS starts, fail them instead. Queued
    rows that have waited as long since they were queued (heartbeat_at) are sent to the queue again,
    in case the broker lost the message; the claim makes a duplicate harmless."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.REVIEWS_BUILD_STALE_AFTER)
    counts = {"requeued": 0, "failed": 0, "resent": 0}
    stale = AnnualReview.objects.filter(status=ReviewStatus.RUNNING, heartbeat_at__lt=cutoff)
    for review_id, attempts in stale.values_list("pk", "attempts"):
        with transaction.atomic():
            row = AnnualReview.objects.filter(
                pk=review_id, status=ReviewStatus.RUNNING, attempts=attempts, heartbeat_at__lt=cutoff
            )
            if attempts >= settings.REVIEWS_BUILD_MAX_ATTEMPTS:
                counts["failed"] += row.update(
                    status=ReviewStatus.FAILED, finished_at=now, failure_reason=REASON_GAVE_UP.format(attempts=attempts)
                )
            elif row.update(
                status=ReviewStatus.QUEUED,
                progress=0,
                heartbeat_at=now,
                progress_message="Waiting to start again after the build stopped",
            ):
                counts["requeued"] += 1
                _queue(review_id)
    waiting = AnnualReview.objects.filter(status=ReviewStatus.QUEUED, heartbeat_at__lt=cutoff)
    for review_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            if AnnualReview.objects.filter(pk=review_id, status=ReviewStatus.QUEUED, heartbeat_at__lt=cutoff).update(
                heartbeat_at=now
            ):
                counts["resent"] += 1
                _queue(review_id)
    return counts


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
