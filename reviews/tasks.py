"""Background work for annual reviews: the build, and the sweep of builds whose worker stopped.
reviews.services queues the build; each task calls reviews.jobs, which never queues a task (no
import cycle): the sweep's task queues what the sweep hands back."""

from functools import partial

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction

from common.background import QueuedTask, queue

from . import jobs
from .pdf_process import release_freed_memory


class BuildTask(QueuedTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Whatever escaped the build (it catches its own errors) and this task: never leave a row running.
        review_id = kwargs.get("review_id", args[0] if args else None)
        if review_id is not None:
            jobs.review_fail(review_id=review_id, error=exc)

    def after_return(self, status, retval, task_id, args, kwargs, einfo):
        # The PDF's memory went with its child process; give back what gathering the dataset freed.
        release_freed_memory()


# Late acknowledgement: a worker killed mid-build leaves the message for another (the claim makes a
# second delivery harmless). The soft limit comes first so the task can record a readable reason;
# a hard kill is caught by the sweep.
@shared_task(
    base=BuildTask,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.REVIEWS_BUILD_TIME_LIMIT,
    soft_time_limit=max(settings.REVIEWS_BUILD_TIME_LIMIT - 30, int(settings.REVIEWS_BUILD_TIME_LIMIT * 0.9)),
)
def build_review(review_id: int) -> bool:
    try:
        return jobs.review_build(review_id=review_id, stop_on=(SoftTimeLimitExceeded,))
    except SoftTimeLimitExceeded:
        minutes = round(settings.REVIEWS_BUILD_TIME_LIMIT / 60)
        jobs.review_fail(review_id=review_id, reason=jobs.REASON_TIME_LIMIT.format(minutes=minutes))
        return False


@shared_task
def sweep_stale_builds() -> dict[str, int]:
    sweep = jobs.reviews_sweep_stale()
    for review_id in sweep.to_queue:
        transaction.on_commit(partial(queue, build_review, review_id))
    return sweep.counts()
