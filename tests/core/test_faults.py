"""Faults the portal survives, on real processes: PostgreSQL restarted under load, Redis down, a
worker killed mid-build, a soak of mixed reads and writes, and the backup and restore drill.

Each test runs its own PostgreSQL, Redis, gunicorn and Celery worker (tests/core/fault_stack.py),
never the shared servers the rest of the suite uses. The demo data is loaded once into a template
database; each test copies it. On a laptop without PostgreSQL's server binaries, redis-server or
gunicorn these skip; with CI=true they fail. docs/operations.md, "Faults the portal survives".
"""

import datetime
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.support import require_service, stop_process

from .fault_stack import (
    ROOT,
    Portal,
    PrivatePostgres,
    PrivateRedis,
    Visitor,
    manage,
    portal_env,
    postgres_bin,
    python,
    rss_kib,
    start_worker,
    wait_until,
)

# Not marked `worker`: the process tests bring their own Redis and worker, and the in-process tests
# below run tasks in process like the rest of the suite.
pytestmark = pytest.mark.faults

PASSWORD = "compact-demo-2026"  # organisations.demo.DEMO_PASSWORD
MEMBER = "group@acforum.example"
CHAIR = "steering@northants.example"
ADMIN = "admin@portal.example"
GRANTS = b"""{"grants": [{"id": "360G-faults-1", "title": "Community hub", "description": "A year of the hub",
  "currency": "GBP", "amountAwarded": 5000, "awardDate": "2025-05-01",
  "recipientOrganization": [{"id": "GB-CHC-1123456", "name": "African Caribbean Forum"}],
  "fundingOrganization": [{"id": "GB-LAE-WNT", "name": "West Northamptonshire Council"}]}]}"""
OPEN_CONSULTATION = "/consultations/community-grants-scheme-review/"
REVIEW = "/reviews/northamptonshire/2025-26/"
PAGES = ["/", "/consultations/", OPEN_CONSULTATION, "/reviews/", "/organisations/", "/funding/"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    require_service("PostgreSQL server binaries", postgres_bin() is not None, "apt-get install postgresql")
    require_service("redis-server", shutil.which("redis-server") is not None, "apt-get install redis-server")
    for module in ("celery", "gunicorn", "psycopg2"):
        require_service(module, importlib.util.find_spec(module) is not None, "make install")
    base = tmp_path_factory.mktemp("faults")
    postgres = PrivatePostgres()
    postgres.start()
    try:
        template_media = base / "template-media"
        env = portal_env(postgres.create_database("portal_template"), template_media)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_reference_data", "-v0")
        manage(env, "load_demo")
        postgres.sql("ALTER DATABASE portal_template WITH ALLOW_CONNECTIONS false")
        yield _Stack(postgres, base, template_media)
    finally:
        postgres.remove()


class _Stack:
    def __init__(self, postgres: PrivatePostgres, base: Path, template_media: Path):
        self.postgres, self.base, self.template_media = postgres, base, template_media
        self.copies = 0

    def fresh(self, name: str, broker_url: str = "") -> dict[str, str]:
        """A copy of the demo database and its files, and the environment of a portal using them."""
        self.copies += 1
        database = f"{name}_{self.copies}"
        media = self.base / f"{database}-media"
        if self.template_media.exists():
            shutil.copytree(self.template_media, media)
        else:
            media.mkdir()
        return portal_env(self.postgres.create_database(database, template="portal_template"), media, broker_url)

    def rows(self, env: dict[str, str], sql: str, params=()) -> list[tuple]:
        return self.postgres.sql(sql, env["DATABASE_URL"].rsplit("/", 1)[1], params)


def comment(visitor: Visitor, text: str) -> int | str:
    """Send one comment on the open consultation; the status, or the error if there was no answer."""
    try:
        reply = visitor.post(
            OPEN_CONSULTATION + "comment/", {"on_behalf_of": "individual", "text": text, "publication": "named"}
        )
    except requests.RequestException as error:
        return type(error).__name__
    return reply.status_code


def succeeded(status: int | str) -> bool:
    return isinstance(status, int) and 200 <= status < 400


# --- PostgreSQL restarted while requests are served ------------------------------------------------


def write_together(visitors: list[Visitor], label: str, rounds: int, until=None) -> dict[str, int | str]:
    """Each visitor sends comments from a thread of its own, so both gunicorn workers serve (each
    with its own kept database connection): `rounds` each, or for as long as `until()` is true."""
    sent: dict[str, int | str] = {}

    def send(k: int, visitor: Visitor) -> None:
        n = 0
        while (until() if until else n < rounds) or n == 0:
            text = f"{label} {k}.{n}"
            sent[text] = comment(visitor, text)
            n += 1

    threads = [threading.Thread(target=send, args=(k, v)) for k, v in enumerate(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sent


def test_postgresql_restarted_under_writes_loses_no_reported_write_and_the_portal_recovers_without_restart(
    stack, tmp_path
):
    env = stack.fresh("restart")
    portal = Portal(env, tmp_path / "gunicorn.log", workers=2)
    try:
        visitors = [Visitor(portal.url), Visitor(portal.url)]
        for visitor in visitors:
            visitor.sign_in(MEMBER, PASSWORD)
            visitor.csrf(OPEN_CONSULTATION + "comment/")  # the form's token is in the cookie from here on
        before = write_together(visitors, "before", 10)

        # A quiet restart: each worker's kept connection is dead, and the next request must not fail.
        stack.postgres.restart()
        after_quiet = write_together(visitors, "after a quiet restart", 10)

        # A restart while writes are in flight: some are cut off mid-request, as in production.
        restart = threading.Thread(target=stack.postgres.restart)
        restart.start()
        during = write_together(visitors, "during", 0, until=restart.is_alive)
        restart.join()
        after = write_together(visitors, "after", 10)
        pages = {path: visitors[0].get(path).status_code for path in PAGES}
    finally:
        portal.stop()

    stored = {text for (text,) in stack.rows(env, "SELECT text FROM consultations_comment")}
    sent = {**before, **after_quiet, **during, **after}
    reported = {text for text, status in sent.items() if succeeded(status)}
    failed = sorted(str(status) for status in during.values() if not succeeded(status))
    print(
        f"restart: {len(sent)} writes, {len(reported)} reported saved; during the restart {len(during)}, failed {failed}"
    )
    assert reported - stored == set(), "a write reported as saved is not in the database"
    assert set(before.values()) == {302}
    assert set(after_quiet.values()) == {302}, f"{after_quiet}\n{portal.log()[-3000:]}"
    assert set(after.values()) == {302}, f"{after}\n{portal.log()[-3000:]}"
    assert set(pages.values()) == {200}, pages


# --- Redis down -------------------------------------------------------------------------------------


def test_with_redis_down_pages_work_a_build_is_kept_as_a_row_and_runs_when_redis_is_back(stack, tmp_path):
    redis = PrivateRedis(tmp_path)  # not started: nothing listens on its port
    # Redis is the cache too, as in docker-compose.yml: the rate limits count there.
    env = {**stack.fresh("redis_down", broker_url=redis.url), "CACHE_URL": redis.url.replace("/0", "/1")}
    portal = Portal(env, tmp_path / "gunicorn.log")
    worker = None
    try:
        chair = Visitor(portal.url)
        chair.sign_in(CHAIR, PASSWORD)
        assert {path: chair.get(path).status_code for path in PAGES} == dict.fromkeys(PAGES, 200)
        manage_page = REVIEW + "build/"
        asked = chair.post(manage_page + "new-version/", {}, chair.csrf(manage_page))
        assert asked.status_code == 302, portal.log()[-3000:]
        assert chair.get(asked.headers["Location"]).status_code == 200
        member = Visitor(portal.url)
        member.sign_in(MEMBER, PASSWORD)
        assert comment(member, "sent while Redis was down") == 302
        anonymous = Visitor(portal.url)
        sent = anonymous.post(
            OPEN_CONSULTATION + "comment/",
            {"text": "anonymous, counted by the rate limit", "publication": "not_published"},
            anonymous.csrf(OPEN_CONSULTATION + "comment/"),
        )
        assert sent.status_code == 302, portal.log()[-3000:]
        # An import from the web is a row first, then a plain task (every task's base logs the broker).
        admin = Visitor(portal.url)
        admin.sign_in(ADMIN, PASSWORD)
        uploaded = admin.post(
            "/funding/import/", {"funder": ""}, admin.csrf("/funding/import/"), files={"file": ("grants.json", GRANTS)}
        )
        assert uploaded.status_code == 302, portal.log()[-3000:]
        assert admin.get(uploaded.headers["Location"]).status_code == 200
        assert portal.log().count("the broker is unavailable") == 2, portal.log()[-3000:]
        review_id, status = stack.rows(env, "SELECT id, status FROM reviews_annualreview ORDER BY id DESC LIMIT 1")[0]
        assert status == "queued"
        run_id, status = stack.rows(env, "SELECT id, status FROM funding_importrun ORDER BY id DESC LIMIT 1")[0]
        assert status == "queued"

        redis.start()
        # Beat's sweeps, once the rows have waited long enough: REVIEWS_BUILD_STALE_AFTER (1 s here)
        # for the review, RESEND_AFTER for the import (its clock moved on).
        time.sleep(1.1)
        swept = python(
            {**env, "REVIEWS_BUILD_STALE_AFTER": "1"},
            "import datetime; from django.utils import timezone; from reviews.tasks import sweep_stale_builds;"
            " from funding.jobs import RESEND_AFTER; from funding.tasks import sweep_queued_imports;"
            " print(sweep_stale_builds());"
            " print('imports', sweep_queued_imports(now=timezone.now() + RESEND_AFTER + datetime.timedelta(seconds=1)))",
        )
        assert "'resent': 1" in swept and "imports 1" in swept, swept
        worker = start_worker(env, tmp_path / "worker.log", "faults-redis")
        status = wait_until(lambda: _finished(stack, env, review_id, worker), 120, "the swept build did not finish")
        assert status == ("succeeded", 1), (tmp_path / "worker.log").read_text()[-3000:]
        finished = "SELECT status FROM funding_importrun WHERE id = %s AND status NOT IN ('queued', 'running')"
        imported = wait_until(lambda: stack.rows(env, finished, (run_id,)), 60, "the swept import did not finish")
        assert imported in ([("done",)], [("refused",)]), (tmp_path / "worker.log").read_text()[-3000:]
    finally:
        portal.stop()
        stop_process(worker)
        redis.stop()


def _finished(stack, env, review_id: int, worker) -> tuple | None:
    if worker is not None and worker.poll() is not None:
        raise AssertionError("the worker exited")
    status, attempts = stack.rows(env, "SELECT status, attempts FROM reviews_annualreview WHERE id = %s", (review_id,))[
        0
    ]
    return (status, attempts) if status in ("succeeded", "failed") else None


# --- A worker killed mid-review ----------------------------------------------------------------------


def test_a_worker_killed_mid_review_build_is_swept_and_rebuilt_and_nothing_is_left_running(stack, tmp_path):
    redis = PrivateRedis(tmp_path)
    redis.start()
    env = stack.fresh("killed", broker_url=redis.url)
    portal = Portal(env, tmp_path / "gunicorn.log", workers=1)
    first = second = None
    try:
        # Each progress step pauses, so the build is surely half way when the worker is killed.
        first = start_worker({**env, "REVIEWS_BUILD_TEST_PAUSE": "0.5"}, tmp_path / "first.log", "faults-first")
        chair = Visitor(portal.url)
        chair.sign_in(CHAIR, PASSWORD)
        asked = chair.post(REVIEW + "build/new-version/", {}, chair.csrf(REVIEW + "build/"))
        assert asked.status_code == 302
        (review_id,) = stack.rows(env, "SELECT max(id) FROM reviews_annualreview")[0]

        def half_way():
            if first.poll() is not None:
                raise AssertionError((tmp_path / "first.log").read_text())
            status, progress = stack.rows(
                env, "SELECT status, progress FROM reviews_annualreview WHERE id = %s", (review_id,)
            )[0]
            return status == "running" and progress > 0

        wait_until(half_way, 90, "the first worker did not start the build")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert stack.rows(env, "SELECT status, attempts FROM reviews_annualreview WHERE id = %s", (review_id,)) == [
            ("running", 1)
        ]

        second = start_worker(env, tmp_path / "second.log", "faults-second")
        time.sleep(1.1)  # the heartbeat is now older than REVIEWS_BUILD_STALE_AFTER (1 s here)
        swept = python(
            {**env, "REVIEWS_BUILD_STALE_AFTER": "1"},
            "from reviews.tasks import sweep_stale_builds; print(sweep_stale_builds())",
        )
        assert "'requeued': 1" in swept, swept
        status = wait_until(lambda: _finished(stack, env, review_id, second), 120, "the rebuild did not finish")
        assert status == ("succeeded", 2), (tmp_path / "second.log").read_text()[-3000:]
        assert stack.rows(env, "SELECT count(*) FROM reviews_annualreview WHERE status IN ('queued', 'running')") == [
            (0,)
        ]
        (pdf,) = stack.rows(env, "SELECT pdf FROM reviews_annualreview WHERE id = %s", (review_id,))[0]
        assert (Path(env["MEDIA_ROOT"]) / pdf).read_bytes().startswith(b"%PDF")
        assert chair.get(REVIEW + "versions/1/").status_code == 200
    finally:
        portal.stop()
        stop_process(first)
        stop_process(second)
        redis.stop()


# --- Soak ---------------------------------------------------------------------------------------------

WARM_UP_ROUNDS = 30
SOAK_ROUNDS = 70
# Resident memory of the gunicorn worker after the soak, against after the warm-up: Python's
# allocator keeps some pages, so a little slack; a leak of a few KiB a request would pass it.
RSS_SLACK = 1.10


def test_a_soak_of_mixed_reads_and_writes_has_no_errors_and_no_memory_growth(stack, tmp_path):
    env = stack.fresh("soak")
    portal = Portal(env, tmp_path / "gunicorn.log", workers=1)
    try:
        (worker_pid,) = portal.worker_pids()
        visitor = Visitor(portal.url)
        visitor.sign_in(MEMBER, PASSWORD)
        visitor.csrf(OPEN_CONSULTATION + "comment/")

        def round_(n: int) -> list[tuple[str, int | str]]:
            results = [(path, visitor.get(path).status_code) for path in PAGES]
            return results + [("comment", comment(visitor, f"soak {n}"))]

        errors = [r for n in range(WARM_UP_ROUNDS) for r in round_(n) if not succeeded(r[1])]
        warm = rss_kib(worker_pid)
        errors += [r for n in range(WARM_UP_ROUNDS, WARM_UP_ROUNDS + SOAK_ROUNDS) for r in round_(n)]
        errors = [r for r in errors if not succeeded(r[1])]
        end = rss_kib(worker_pid)
        assert portal.worker_pids() == [worker_pid], "the worker was replaced during the soak"
    finally:
        portal.stop()
    print(f"soak: {(WARM_UP_ROUNDS + SOAK_ROUNDS) * (len(PAGES) + 1)} requests, RSS {warm} KiB -> {end} KiB")
    assert errors == []
    (count,) = stack.rows(env, "SELECT count(*) FROM consultations_comment WHERE text LIKE 'soak %%'")[0]
    assert count == WARM_UP_ROUNDS + SOAK_ROUNDS
    assert end <= warm * RSS_SLACK, f"RSS grew from {warm} KiB to {end} KiB"


# --- Backup and restore drill ------------------------------------------------------------------------


def test_the_backup_drill_restores_every_row_and_file_and_fails_on_a_difference(stack, tmp_path):
    env = stack.fresh("drill")
    media = Path(env["MEDIA_ROOT"])
    (media / "evidence").mkdir(parents=True, exist_ok=True)
    (media / "evidence" / "drill.txt").write_text("a file the backup must keep")
    drill_env = {**env, "PATH": f"{postgres_bin()}:{os.environ['PATH']}"}
    drill = [sys.executable, str(ROOT / "scripts" / "backup-drill")]
    backup = tmp_path / "backup"

    done = subprocess.run([*drill, "--backup-dir", str(backup)], env=drill_env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    (comments,) = stack.rows(env, "SELECT count(*) FROM consultations_comment")[0]
    assert f"consultations_comment: {comments} rows live, {comments} restored" in done.stdout
    files = sum(1 for path in media.rglob("*") if path.is_file())
    assert "OK: the restored copy matches" in done.stdout and f" {files} files " in done.stdout
    assert (backup / "database.dump").exists() and (backup / "media.tar.gz").exists()
    drills = stack.rows(env, "SELECT count(*) FROM pg_database WHERE datname LIKE '%%_drill_%%'")
    assert drills == [(0,)], "the drill left its database behind"

    # The same backup after the live portal changed: a row more, and a file changed.
    (sessions,) = stack.rows(env, "SELECT count(*) FROM django_session")[0]
    stack.rows(env, "INSERT INTO django_session VALUES ('after-the-backup', 'x', now() + interval '1 day')")
    (media / "evidence" / "drill.txt").write_text("changed after the backup")
    differs = subprocess.run([*drill, "--from-backup", str(backup)], env=drill_env, capture_output=True, text=True)
    assert differs.returncode == 1, differs.stdout + differs.stderr
    assert f"table django_session: live {sessions + 1}, restored {sessions}" in differs.stdout
    assert "file evidence/drill.txt: live " in differs.stdout


# --- The fixes, in process -----------------------------------------------------------------------------


def test_a_task_queued_while_the_broker_is_down_is_logged_and_the_request_goes_on(caplog):
    from compact_portal.celery import app
    from funding.tasks import run_import

    down = PrivateRedis(Path("/tmp")).url  # a free port: nothing answers there
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with app.connection_for_write(down) as connection:
            assert run_import.apply_async((1,), connection=connection) is None
    finally:
        app.conf.task_always_eager = previous
    assert "Could not queue funding.tasks.run_import(1,): the broker is unavailable" in caplog.text


@pytest.mark.django_db
def test_the_import_sweep_resends_only_imports_left_waiting_and_a_second_delivery_runs_nothing(monkeypatch):
    from django.utils import timezone

    from funding import tasks
    from funding.import_models import ImportStatus
    from funding.jobs import RESEND_AFTER, import_run_execute
    from funding.models import ImportRun

    sent = []
    monkeypatch.setattr(tasks.run_import, "delay", sent.append)
    waiting = ImportRun.objects.create(file_name="grants.json", content=b"{}")
    ImportRun.objects.create(file_name="done.json", status=ImportStatus.DONE)
    assert tasks.sweep_queued_imports() == 0  # just queued: its task may still be on its way
    later = timezone.now() + RESEND_AFTER + datetime.timedelta(seconds=1)
    assert tasks.sweep_queued_imports(now=later) == 1
    assert sent == [waiting.pk]

    ImportRun.objects.filter(pk=waiting.pk).update(status=ImportStatus.RUNNING)
    assert import_run_execute(run_id=waiting.pk).status == ImportStatus.RUNNING
    assert ImportRun.objects.get(pk=waiting.pk).finished_at is None


@pytest.mark.django_db
def test_the_response_pdf_sweep_resends_a_pdf_still_being_prepared(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from consultations import services, tasks
    from consultations.jobs import PDF_RESEND_AFTER
    from consultations.models import PdfStatus, ResponseVersion, Status
    from tests.consultations.factories import comment_from_group, make_consultation

    consultation = make_consultation(world)
    comment_from_group(world, consultation, text="Answer this one.")
    consultation.status = Status.CLOSED
    consultation.save()
    with django_capture_on_commit_callbacks(execute=False):  # the broker lost the task
        services.response_publish(consultation=consultation, user=None, unanswered_reason="Not yet discussed.")
    version = ResponseVersion.objects.get(consultation=consultation)
    assert version.pdf_status == PdfStatus.BUILDING
    assert tasks.sweep_unbuilt_response_pdfs() == 0  # just published

    later = timezone.now() + PDF_RESEND_AFTER + datetime.timedelta(seconds=1)
    assert tasks.sweep_unbuilt_response_pdfs(now=later) == 1  # in process here: built at once
    version.refresh_from_db()
    assert version.pdf_status == PdfStatus.READY and version.pdf.read(4) == b"%PDF"
    assert tasks.sweep_unbuilt_response_pdfs(now=later) == 0
    assert tasks.sweep_unbuilt_response_pdfs.name in {
        entry["task"] for entry in __import__("compact_portal.celery").celery.app.conf.beat_schedule.values()
    }


def test_a_redis_cache_that_is_down_is_an_empty_cache_and_the_rate_limits_let_people_through(settings):
    from django.core.cache import caches

    from common import ratelimit

    down = PrivateRedis(Path("/tmp")).url.replace("/0", "/1")
    settings.CACHES = {"default": {"BACKEND": "common.cache.ForgivingRedisCache", "LOCATION": down}}
    cache = caches["default"]
    assert cache.get("anything", "missed") == "missed"
    assert cache.add("counter", 0) is False and cache.get_or_set("answer", 42) == 42
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert all(ratelimit.allow_key("faults:test", limit=1, window_seconds=60) for _ in range(3))


def test_a_redis_cache_url_gets_the_forgiving_backend():
    env = {**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/1", "DATABASE_URL": "sqlite:///:memory:"}
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert python(env, code).strip().endswith("common.cache.ForgivingRedisCache")
