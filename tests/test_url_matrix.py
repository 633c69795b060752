"""Every URL of the project answers each role as the matrix says, and no URL goes unlisted."""

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from .matrix import all_rows, prepare_world
from .support import PERSONAS, build_world

ROWS = all_rows()
# The Django admin keeps its own staff-only checks; the matrix lists its front door only.
NOT_IN_MATRIX_NAMESPACES = {"admin"}


def project_url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                walk(pattern.url_patterns, f"{namespace}{ns}:" if ns else namespace)
            elif isinstance(pattern, URLPattern):
                full = f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"
                names.add(full)

    walk(get_resolver().url_patterns, "")
    return {n for n in names if n.split(":")[0] not in NOT_IN_MATRIX_NAMESPACES} | {"admin:index"}


def test_every_url_pattern_is_in_the_matrix():
    listed = {row.name for row in ROWS}
    missing = sorted(project_url_names() - listed)
    assert not missing, f"URL patterns with no row in any tests/<app>/url_matrix.py: {missing}"


def test_the_matrix_lists_no_url_that_does_not_exist():
    stale = sorted({row.name for row in ROWS} - project_url_names())
    assert not stale, f"matrix rows for URL names that no longer exist: {stale}"


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for every row: built once inside a transaction that is rolled back at the end.
    Each row's test runs in a savepoint inside it (pytest-django's `db`), so a POST in one row
    cannot leak into the next, and the suite does not rebuild the world 150 times."""
    media = tmp_path_factory.mktemp("matrix-media")
    fast_hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast_hashers),
        transaction.atomic(),
    ):
        world = prepare_world(build_world())
        world.media_root = str(media)
        yield world
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_url_answers_each_role_as_the_matrix_says(row, matrix_world, settings):
    world = matrix_world
    settings.MEDIA_ROOT = world.media_root  # files the world's uploads were saved under
    url = row.url(world)
    got = {}
    for persona in PERSONAS:
        client = Client()
        user = world.users[persona]
        if user is not None:
            client.force_login(user)
        data = row.data(world) if row.data else None
        response = getattr(client, row.method)(url, data=data) if data is not None else getattr(client, row.method)(url)
        got[persona] = response.status_code
        if row.method == "get" and persona == "anonymous" and response.status_code == row.expect[persona] == 302:
            # A 302 for the anonymous visitor must be to sign-in, not somewhere arbitrary.
            assert "sign-in" in response["Location"] or "login" in response["Location"], response["Location"]
    assert got == row.expect, f"{row.id} {url}"
