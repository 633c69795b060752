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
    context = _playwright_browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
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


