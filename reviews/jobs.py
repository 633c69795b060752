"""The annual review's build, run by Celery (reviews.tasks calls these, and nothing here queues a
task, so imports run one way: services → tasks → jobs): the build itself, failing it, and the sweep
of builds whose worker stopped. docs/annual-review-job.md tells the whole story."""

import datetime
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import dataset as review_dataset  # a module reference, so tests can stand in for build_dataset
from . import pdf_process
from .models import ACTIVE_STATUSES, AnnualReview, ReviewAction, ReviewStatus
from .narrative import narrative_as_dataset, narrative_for

logger = logging.getLogger(__name__)

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
    is saved, so no one can download half a file, and no other process needs this one's disk."""
    with tempfile.TemporaryDirectory(prefix="annual-review-") as scratch:
        path = Path(scratch) / review.pdf_filename()
        pages = pdf_process.write_pdf(dataset, path)
        with path.open("rb") as handle:
            name = review.pdf.storage.save(
                f"reviews/{review.compact.slug}/{review.pdf_filename()}", File(handle, name=path.name)
            )
    return pages, name


def review_build(*, review_id: int, stop_on: tuple[type[BaseException], ...] = ()) -> bool:
    """Build one queued version. Returns False when there was nothing to do.

    1. Claim the row with a conditional update (a second delivery of the task finds it taken).
    2. Gather the dataset, saving progress and a heartbeat after each section.
    3. Store the dataset, then render the PDF to a scratch file and save it whole to the file storage
       (local disk or bucket) before the row names it, so no one can download half a file.
    4. Mark it succeeded, or failed with a reason a steering group member can read. Exceptions of the
       `stop_on` types leave the row to the caller, which knows why it stopped the build.
    Not one transaction: progress must be visible while the build runs. Every write after the claim
    is conditional on the row still being this attempt's, so a build the sweep has handed on stops.
    """
    attempt = _claim(review_id)
    if attempt is None:
        logger.info("Annual review %s is not queued; nothing to do", review_id)
        return False
    review = AnnualReview.objects.select_related("compact", "period").get(pk=review_id)
    actions = [a.as_dataset_item() for a in ReviewAction.objects.filter(compact=review.compact, period=review.period)]
    narrative = narrative_as_dataset(narrative_for(review.compact, review.period))
    try:
        dataset = review_dataset.build_dataset(
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
    except stop_on:
        raise  # the caller's to record (the task: Celery's soft time limit)
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


def review_fail(*, review_id: int, error: BaseException | None = None, reason: str = "") -> bool:
    """Mark a queued or running version failed, with `reason`, or else with what `error` says (the
    task's on_failure hook). Does nothing to a version that has already finished."""
    if not reason:
        reason = REASON_WORKER.format(error=_describe(error) if error else "no reason was given")
    return _fail(review_id, reason)


@dataclass
class Sweep:
    """What a sweep did: the builds it sent back to the queue (the task queues them: nothing here
    queues a task), and how many it gave up on."""

    requeued: list[int] = field(default_factory=list)
    resent: list[int] = field(default_factory=list)
    failed: int = 0

    @property
    def to_queue(self) -> list[int]:
        return self.requeued + self.resent

    def counts(self) -> dict[str, int]:
        return {"requeued": len(self.requeued), "failed": self.failed, "resent": len(self.resent)}


def reviews_sweep_stale(*, now=None) -> Sweep:
    """Find builds whose worker stopped without finishing: running with a heartbeat older than
    REVIEWS_BUILD_STALE_AFTER. After REVIEWS_BUILD_MAX_ATTEMPTS starts, fail them; otherwise mark
    them queued again. Queued rows that have waited as long since they were queued (heartbeat_at) are
    to be sent to the queue again, in case the broker lost the message; the claim makes a duplicate
    harmless. Each row is changed in its own transaction, committed before this returns."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.REVIEWS_BUILD_STALE_AFTER)
    sweep = Sweep()
    stale = AnnualReview.objects.filter(status=ReviewStatus.RUNNING, heartbeat_at__lt=cutoff)
    for review_id, attempts in stale.values_list("pk", "attempts"):
        with transaction.atomic():
            row = AnnualReview.objects.filter(
                pk=review_id, status=ReviewStatus.RUNNING, attempts=attempts, heartbeat_at__lt=cutoff
            )
            if attempts >= settings.REVIEWS_BUILD_MAX_ATTEMPTS:
                sweep.failed += row.update(
                    status=ReviewStatus.FAILED, finished_at=now, failure_reason=REASON_GAVE_UP.format(attempts=attempts)
                )
            elif row.update(
                status=ReviewStatus.QUEUED,
                progress=0,
                heartbeat_at=now,
                progress_message="Waiting to start again after the build stopped",
            ):
                sweep.requeued.append(review_id)
    waiting = AnnualReview.objects.filter(status=ReviewStatus.QUEUED, heartbeat_at__lt=cutoff)
    for review_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            if AnnualReview.objects.filter(pk=review_id, status=ReviewStatus.QUEUED, heartbeat_at__lt=cutoff).update(
                heartbeat_at=now
            ):
                sweep.resent.append(review_id)
    return sweep
