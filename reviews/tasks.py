"""Background work for annual reviews: the build, and the sweep of builds whose worker stopped."""

from celery import shared_task
from django.conf import settings

from common.background import QueuedTask

from . import services


class BuildTask(QueuedTask):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Whatever escaped the service (it catches build errors itself): never leave a row running.
        review_id = kwargs.get("review_id", args[0] if args else None)
        if review_id is not None:
            services.review_fail(review_id=review_id, error=exc)


# Late acknowledgement: a worker killed mid-build leaves the message for another (the claim makes a
# second delivery harmless). The soft limit comes first so the service can record a readable reason;
# a hard kill is caught by the sweep.
@shared_task(
    base=BuildTask,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.REVIEWS_BUILD_TIME_LIMIT,
    soft_time_limit=max(settings.REVIEWS_BUILD_TIME_LIMIT - 30, int(settings.REVIEWS_BUILD_TIME_LIMIT * 0.9)),
)
def build_review(review_id: int) -> bool:
    return services.review_build(review_id=review_id)


@shared_task
def sweep_stale_builds() -> dict:
    return services.reviews_sweep_stale()
