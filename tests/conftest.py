"""Fixtures shared by every app's tests: personas, the standard world, Celery mode, the browser."""

import os
from pathlib import Path

import pytest

from . import factories as f
from .support import CHROMIUM, CHROMIUM_ARGS, build_world, require_service


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Argon2 is deliberately slow; tests create hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # A demo load builds and publishes a review PDF (seconds); only the test that checks it wants one.
    settings.DEMO_BUILD_ANNUAL_REVIEW = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Run tasks in-process unless the test is marked `worker` (a real worker against Redis)."""
    from compact_portal.celery import app

    if request.node.get_closest_marker("worker"):
        yield
        return
    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def client_for(client):
    """`client_for(user)` gives a test client signed in as that user (or anonymous for None)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture(scope="session")
def _playwright_browser():
    require_service("Chromium", Path(CHROMIUM).exists(), "apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; the live server and ORM calls made
    # by the test itself are still synchronous, which Django would otherwise refuse.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(_playwright_browser, live_server):
    from playwright.sync_api import expect

    context = _playwright_browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    # expect(...) retries until the page shows what it should, so an assertion made just after a
    # click waits for the next page instead of reading the one being left (a flaky CI failure).
    expect.set_options(timeout=10_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(page):
    """Sign in through the real form, as a person would."""

    def do(user, password=f.PASSWORD):
        page.goto("/accounts/sign-in/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()

    return do


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real `celery worker` process against Redis and the PostgreSQL test database.

    Marks the test `worker`; on CI a missing broker or database is a failure. Yields the Popen; the
    worker is stopped afterwards. Tests using it must commit their data (transactional_db) because
    the worker reads it from another connection.
    """
    import time

    from django.db import connection

    from compact_portal.celery import app

    from .support import broker_url, redis_answers, start_celery_worker, stop_process, worker_env

    url = broker_url()
    require_service("Redis", redis_answers(url), "set CELERY_BROKER_URL=redis://127.0.0.1:6379/0")
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL to a PostgreSQL database")
    process = start_celery_worker(worker_env(), tmp_path / "worker.log", "test")
    app.conf.task_always_eager = False
    app.conf.broker_url = url
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"celery worker exited early:\n{process.log_path.read_text()}")
        if app.control.ping(timeout=1):
            break
    else:
        process.kill()
        pytest.fail("celery worker did not answer within 60 s")
    yield process
    stop_process(process)
