"""The review job through its services, jobs and tasks: claiming, building, failing, retrying, the sweep,
versions and publishing."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews import jobs, services, tasks
from reviews.models import AnnualReview, ReviewStatus

from .factories import make_action, make_review

pytestmark = pytest.mark.django_db


def ask(world, who="steering_member"):
    return services.review_request(compact=world.compact, period=world.period, user=world.users[who])


def test_asking_for_a_review_creates_a_queued_version_and_queues_its_build(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        review = ask(world)
    assert (review.version, review.status, review.attempts) == (1, ReviewStatus.QUEUED, 0)
    assert len(callbacks) == 1  # the task is queued only once the row is committed


def test_a_caller_that_builds_the_review_itself_queues_no_task(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        review = services.review_request(
            compact=world.compact, period=world.period, user=world.users["steering_member"], queue=False
        )
    assert callbacks == []
    review.refresh_from_db()
    assert review.status == ReviewStatus.QUEUED


@pytest.fixture
def dataset_calls(monkeypatch):
    """The keyword arguments of every build_dataset call (the contract with reviews.dataset)."""
    from reviews import dataset

    calls, real = [], dataset.build_dataset
    monkeypatch.setattr(dataset, "build_dataset", lambda **kwargs: calls.append(kwargs) or real(**kwargs))
    return calls


def test_the_queued_task_builds_the_review_and_stores_dataset_and_pdf(
    world, django_capture_on_commit_callbacks, dataset_calls
):
    make_action(world, text="Train officers in the Compact")
    with django_capture_on_commit_callbacks(execute=True):
        review = ask(world)
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUCCEEDED
    assert (review.progress, review.progress_message, review.attempts) == (100, "Ready", 1)
    assert review.dataset["compact"]["slug"] == "northshire"
    assert dataset_calls[0]["actions"] == [
        {"action": "Train officers in the Compact", "owner": "The steering group", "due": "2027-03-31"}
    ]
    assert (dataset_calls[0]["compact"], dataset_calls[0]["period"]) == (world.compact, world.period)
    path = Path(review.pdf.path)
    assert path.read_bytes().startswith(b"%PDF") and review.page_count >= 1
    assert path.name == "northshire-annual-review-2025-26-v1.pdf"
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_second_delivery_of_the_task_builds_nothing(world, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=False):
        review = ask(world)
    calls = []
    from reviews import pdf_process

    real = pdf_process.write_pdf
    monkeypatch.setattr(pdf_process, "write_pdf", lambda dataset, path: calls.append(path) or real(dataset, path))
    assert tasks.build_review.apply(args=[review.pk]).get() is True
    assert tasks.build_review.apply(args=[review.pk]).get() is False
    review.refresh_from_db()
    assert (review.status, review.attempts, len(calls)) == (ReviewStatus.SUCCEEDED, 1, 1)


def test_only_the_steering_group_or_a_site_admin_may_ask(world):
    with pytest.raises(ValidationError) as error:
        ask(world, "officer")
    assert error.value.messages == [services.NOT_ALLOWED]
    assert ask(world, "site_admin").version == 1


def test_each_request_is_a_new_version_but_not_while_one_is_being_built(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = ask(world)
    with django_capture_on_commit_callbacks(execute=True):
        second = ask(world)
    assert (first.version, second.version) == (1, 2)
    with django_capture_on_commit_callbacks(execute=False):
        ask(world)
        with pytest.raises(ValidationError) as error:
            ask(world)
    assert error.value.messages == [services.ALREADY_BUILDING]
    first.refresh_from_db()
    assert first.pdf and Path(first.pdf.path).exists()  # older versions stay downloadable


def test_a_failed_build_records_a_reason_and_leaves_no_file(world, django_capture_on_commit_callbacks, monkeypatch):
    from reviews import pdf_process

    def broken(dataset, path):
        path.write_bytes(b"%PDF half")
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(pdf_process, "write_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        review = ask(world)
    review.refresh_from_db()
    assert review.status == ReviewStatus.FAILED
    assert review.failure_reason == jobs.REASON_UNEXPECTED.format(error="RuntimeError: fonts missing")
    assert not review.pdf
    folder = Path(review.pdf.storage.path("reviews/northshire"))
    assert not folder.exists() or list(folder.iterdir()) == []


def test_the_build_task_turns_celerys_soft_time_limit_into_a_readable_reason(
    world, django_capture_on_commit_callbacks, monkeypatch, settings
):
    from celery.exceptions import SoftTimeLimitExceeded

    from reviews import dataset

    def slow(**kwargs):
        raise SoftTimeLimitExceeded()

    settings.REVIEWS_BUILD_TIME_LIMIT = 600
    monkeypatch.setattr(dataset, "build_dataset", slow)
    with django_capture_on_commit_callbacks(execute=False):
        review = ask(world)
    assert tasks.build_review.apply(args=[review.pk]).get() is False
    review.refresh_from_db()
    assert (review.status, review.failure_reason) == (
        ReviewStatus.FAILED,
        jobs.REASON_TIME_LIMIT.format(minutes=10),
    )


def test_the_build_leaves_an_exception_its_caller_handles_to_the_caller(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    from reviews import dataset

    class Stopped(Exception):
        pass

    def stopped(**kwargs):
        raise Stopped()

    monkeypatch.setattr(dataset, "build_dataset", stopped)
    with django_capture_on_commit_callbacks(execute=False):
        review = ask(world)
    with pytest.raises(Stopped):
        jobs.review_build(review_id=review.pk, stop_on=(Stopped,))
    review.refresh_from_db()
    assert review.status == ReviewStatus.RUNNING  # the caller says why it stopped


def test_the_tasks_failure_hook_marks_a_running_review_failed(world):
    review = make_review(world, status=ReviewStatus.RUNNING)
    tasks.build_review.on_failure(OSError("disk full"), "task-id", [review.pk], {}, None)
    review.refresh_from_db()
    assert (review.status, review.failure_reason) == (
        ReviewStatus.FAILED,
        jobs.REASON_WORKER.format(error="OSError: disk full"),
    )


def test_the_failure_hook_leaves_a_finished_review_alone(world):
    review = make_review(world)
    assert jobs.review_fail(review_id=review.pk, error=OSError("late")) is False
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUCCEEDED


def test_retry_requeues_the_same_failed_version_and_builds_it(world, django_capture_on_commit_callbacks):
    failed = make_review(world, status=ReviewStatus.FAILED)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_retry(review=failed, user=world.users["steering_member"])
    failed.refresh_from_db()
    assert (failed.version, failed.status, failed.failure_reason) == (1, ReviewStatus.SUCCEEDED, "")
    assert AnnualReview.objects.count() == 1
    with pytest.raises(ValidationError) as error:
        services.review_retry(review=failed, user=world.users["steering_member"])
    assert error.value.messages == [services.RETRY_ONLY_FAILED]


def _stale_running(world, attempts, minutes_ago=60):
    review = make_review(world, status=ReviewStatus.RUNNING)
    then = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    AnnualReview.objects.filter(pk=review.pk).update(attempts=attempts, heartbeat_at=then, started_at=then, progress=40)
    return review


def test_the_sweep_requeues_a_build_whose_heartbeat_stopped(world, django_capture_on_commit_callbacks, settings):
    settings.REVIEWS_BUILD_STALE_AFTER, settings.REVIEWS_BUILD_MAX_ATTEMPTS = 720, 3
    stale = _stale_running(world, attempts=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert tasks.sweep_stale_builds() == {"requeued": 1, "failed": 0, "resent": 0}
    stale.refresh_from_db()
    assert (stale.status, stale.progress) == (ReviewStatus.QUEUED, 0)
    for callback in callbacks:
        callback()  # the requeued task runs
    stale.refresh_from_db()
    assert (stale.status, stale.attempts) == (ReviewStatus.SUCCEEDED, 2)


def test_the_sweep_leaves_a_build_with_a_recent_heartbeat_alone(world, settings):
    settings.REVIEWS_BUILD_STALE_AFTER = 720
    busy = _stale_running(world, attempts=1, minutes_ago=5)
    assert tasks.sweep_stale_builds() == {"requeued": 0, "failed": 0, "resent": 0}
    busy.refresh_from_db()
    assert busy.status == ReviewStatus.RUNNING


def test_the_sweep_fails_a_build_after_the_maximum_attempts(world, settings):
    settings.REVIEWS_BUILD_STALE_AFTER, settings.REVIEWS_BUILD_MAX_ATTEMPTS = 720, 3
    stale = _stale_running(world, attempts=3)
    assert tasks.sweep_stale_builds()["failed"] == 1
    stale.refresh_from_db()
    assert (stale.status, stale.failure_reason) == (ReviewStatus.FAILED, jobs.REASON_GAVE_UP.format(attempts=3))


def test_a_build_handed_on_by_the_sweep_stops_writing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        review = ask(world)
    attempt = jobs._claim(review.pk)
    save = jobs._progress_saver(review.pk, attempt)
    save(10, "Gathering")
    AnnualReview.objects.filter(pk=review.pk).update(attempts=attempt + 1)  # another worker's attempt now
    with pytest.raises(jobs.BuildSuperseded):
        save(20, "Gathering more")
    review.refresh_from_db()
    assert (review.progress, review.progress_message) == (10, "Gathering")


def test_publishing_makes_one_version_the_published_one_and_keeps_the_history(world):
    steering = world.users["steering_member"]
    first, second = make_review(world, version=1), make_review(world, version=2)
    services.review_publish(review=first, user=steering)
    services.review_publish(review=second, user=steering)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.is_published, second.is_published) == (False, True)
    assert first.published_at is not None and second.published_by == steering
    assert list(AnnualReview.objects.published()) == [second]


@pytest.mark.parametrize("status", [ReviewStatus.QUEUED, ReviewStatus.RUNNING, ReviewStatus.FAILED])
def test_only_a_succeeded_version_can_be_published(world, status):
    review = make_review(world, status=status)
    with pytest.raises(ValidationError) as error:
        services.review_publish(review=review, user=world.users["steering_member"])
    assert error.value.messages == [services.PUBLISH_ONLY_SUCCEEDED]


def test_publishing_needs_the_steering_group_of_that_compact(world):
    review = make_review(world)
    with pytest.raises(ValidationError):
        services.review_publish(review=review, user=world.users["officer"])
    review.refresh_from_db()
    assert not review.is_published


def test_only_the_published_version_can_be_withdrawn_and_only_by_its_steering_group(world):
    published, other = make_review(world, version=1, published=True), make_review(world, version=2)
    with pytest.raises(ValidationError) as error:
        services.review_withdraw(review=other, user=world.users["steering_member"], reason="Mistake")
    assert error.value.messages == [services.WITHDRAW_ONLY_PUBLISHED]
    with pytest.raises(ValidationError):
        services.review_withdraw(review=published, user=world.users["officer"], reason="Mistake")
    published.refresh_from_db()
    assert published.is_published and published.withdrawn_at is None


def test_actions_are_kept_in_order_and_go_into_the_dataset(world, django_capture_on_commit_callbacks, dataset_calls):
    steering = world.users["steering_member"]
    kw = {"compact": world.compact, "period": world.period, "user": steering}
    a = services.review_action_create(**kw, action="First", owner="Chair", due=None)
    b = services.review_action_create(**kw, action="Second", owner="Council", due=datetime.date(2027, 1, 31))
    services.review_action_update(item=a, user=steering, action="First, changed", owner="Chair")
    assert (a.position, b.position) == (1, 2)
    with pytest.raises(ValidationError) as error:
        services.review_action_create(**kw, action=" ", owner="")
    assert error.value.message_dict == {"action": [services.ACTION_REQUIRED], "owner": [services.OWNER_REQUIRED]}
    services.review_action_delete(item=b, user=steering)
    with django_capture_on_commit_callbacks(execute=True):
        review = ask(world)
    review.refresh_from_db()
    assert dataset_calls[0]["actions"] == [{"action": "First, changed", "owner": "Chair", "due": None}]


def test_the_sweep_resends_a_build_that_waited_too_long_in_the_queue(
    world, django_capture_on_commit_callbacks, settings
):
    settings.REVIEWS_BUILD_STALE_AFTER = 720
    with django_capture_on_commit_callbacks(execute=False):
        review = ask(world)  # its message was lost: the task never ran
    AnnualReview.objects.filter(pk=review.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(minutes=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_stale_builds()["resent"] == 1
    review.refresh_from_db()
    assert (review.status, review.attempts) == (ReviewStatus.SUCCEEDED, 1)
    assert tasks.sweep_stale_builds()["resent"] == 0


def test_a_freshly_queued_build_is_not_resent(world, django_capture_on_commit_callbacks, settings):
    settings.REVIEWS_BUILD_STALE_AFTER = 720
    with django_capture_on_commit_callbacks(execute=False):
        ask(world)
    assert tasks.sweep_stale_builds() == {"requeued": 0, "failed": 0, "resent": 0}


def test_the_build_task_is_acknowledged_late_and_time_limited(settings):
    task = tasks.build_review
    assert task.acks_late and task.reject_on_worker_lost
    assert task.time_limit == settings.REVIEWS_BUILD_TIME_LIMIT
    assert 0 < task.soft_time_limit < task.time_limit


def test_the_sweep_is_in_the_beat_schedule():
    from compact_portal.celery import app

    entry = app.conf.beat_schedule["reviews-sweep-stale-builds"]
    assert entry["task"] == tasks.sweep_stale_builds.name


def test_a_period_of_another_compact_is_refused(world):
    from tests import factories as f

    other = f.ReportingPeriodFactory(compact=f.CompactFactory(name="Southshire Compact", slug="southshire"))
    with pytest.raises(ValidationError) as error:
        services.review_request(compact=world.compact, period=other, user=world.users["site_admin"])
    assert error.value.messages == [services.PERIOD_NOT_IN_COMPACT]
    assert not AnnualReview.objects.exists()
