"""The review job on the real stack: a Celery worker process against Redis and PostgreSQL.

Run locally with
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_reviews CELERY_BROKER_URL=redis://127.0.0.1:6379/6 \
        .venv/bin/pytest tests/reviews/test_real_stack.py
Without them these skip on a laptop and fail on CI (tests.support.require_service).
"""

import datetime
import io
import re
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from organisations.models import Compact
from reviews import jobs, narrative, services, tasks
from reviews.models import AnnualReview, ReviewStatus
from tests import factories as f
from tests.support import WorkerProcess, build_world, start_celery_worker, stop_process, worker_env
from undertakings.models import ReportingPeriod

from .factories import make_action

pytestmark = [pytest.mark.worker, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]


def demo_like_world():
    """The standard world plus what a demo Compact has: an ended period, actions, more signatories."""
    world = build_world()
    world.period = f.ReportingPeriodFactory(
        compact=world.compact,
        label="2024-25",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2025, 3, 31),
        returns_due=datetime.date(2025, 6, 30),
    )
    f.SignatoryFactory(compact=world.compact, organisation=world.other_group)
    make_action(world, text="Publish every consultation for twelve weeks")
    make_action(world, text="Renew the funding code", position=2)
    return world


def wait_for(review_id: int, condition, seconds: float = 120, worker=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        review = AnnualReview.objects.get(pk=review_id)
        if condition(review):
            return review
        if worker is not None and worker.poll() is not None:
            pytest.fail(f"the worker exited:\n{worker.log_path.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"review {review_id} stayed {review.status} ({review.progress}%: {review.progress_message})")


def pdf_text(path: str) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def test_a_real_worker_builds_the_demo_compacts_review_and_the_pdf_holds_its_headings_and_figures(
    celery_worker_process, settings
):
    # The demo data as `make run` loads it; this year's period is where its funding, consultation and
    # complaints fall, so every section has figures to print.
    settings.DEMO_BUILD_ANNUAL_REVIEW = False
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    compact = Compact.objects.get(slug="northamptonshire")
    today = timezone.localdate()
    period = ReportingPeriod.objects.get(compact=compact, start_date__lte=today, end_date__gte=today)
    chair = User.objects.get(email="steering@northants.example")
    services.review_action_create(
        compact=compact,
        period=period,
        user=chair,
        action="Meet the funders' forum twice a year",
        owner="Steering group chair",
    )
    # The demo records the meeting of the last ended year; this year's is recorded here.
    narrative.review_meeting_save(
        compact=compact,
        period=period,
        user=chair,
        date=today,
        place="Community room, Northampton Central Library",
        attending=[compact.signatories.order_by("name").first()],
        decisions="Meet the funders' forum twice a year.",
    )
    review = services.review_request(compact=compact, period=period, user=chair)  # committed: the task goes to Redis
    review = wait_for(review.pk, lambda r: r.is_finished, worker=celery_worker_process)
    assert review.status == ReviewStatus.SUCCEEDED, review.failure_reason
    assert review.attempts == 1
    # "How the Compact developed" reports Codes adopted, consultations on them and signatories that
    # joined or left in the year: the demo has none this year, and the section says so.
    assert [s["id"] for s in review.dataset["sections"] if s["empty"]] in ([], ["development"])
    text = pdf_text(review.pdf.path)
    for section in review.dataset["sections"]:
        assert re.sub(r"\s+", " ", section["title"]) in text
    for figure in review.dataset["year_in_numbers"]["figures"]:
        assert figure["display"] in text
    assert "Meet the funders' forum twice a year" in text


@pytest.fixture
def slow_builds(monkeypatch):
    """Each progress step of the build pauses, so the test can kill the worker half way. Set before
    celery_worker_process starts the worker (it passes on the environment)."""
    monkeypatch.setenv(jobs.TEST_PAUSE_ENV, "1")


def start_worker(log_path: Path) -> WorkerProcess:
    """A second worker, which must not pause its builds as the first one did."""
    env = worker_env()
    env.pop(jobs.TEST_PAUSE_ENV, None)
    return start_celery_worker(env, log_path, "test-second")


def test_a_worker_killed_mid_build_is_recovered_by_the_sweep(slow_builds, celery_worker_process, tmp_path):
    world = demo_like_world()
    review = services.review_request(compact=world.compact, period=world.period, user=world.users["steering_member"])
    wait_for(review.pk, lambda r: r.status == ReviewStatus.RUNNING and r.progress > 0, worker=celery_worker_process)

    celery_worker_process.send_signal(signal.SIGKILL)
    celery_worker_process.wait(timeout=10)
    killed = AnnualReview.objects.get(pk=review.pk)
    assert (killed.status, killed.attempts, killed.pdf.name) == (ReviewStatus.RUNNING, 1, "")

    # The sweep, as beat would run it once the heartbeat is older than REVIEWS_BUILD_STALE_AFTER.
    later = timezone.now() + datetime.timedelta(seconds=settings.REVIEWS_BUILD_STALE_AFTER + 1)
    sweep = jobs.reviews_sweep_stale(now=later)
    assert sweep.requeued == [review.pk]
    assert AnnualReview.objects.get(pk=review.pk).status == ReviewStatus.QUEUED
    tasks.build_review.delay(review.pk)  # what the sweep's task does with it

    second = start_worker(tmp_path / "second-worker.log")
    try:
        done = wait_for(review.pk, lambda r: r.is_finished, worker=second)
    finally:
        stop_process(second)
    assert done.status == ReviewStatus.SUCCEEDED, done.failure_reason
    assert done.attempts == 2
    assert Path(done.pdf.path).read_bytes().startswith(b"%PDF")
