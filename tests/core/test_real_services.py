"""The suite runs on the real stack when asked to: on CI these fail, never skip, without it."""

import pytest
from django.db import connection

from tests.support import ON_CI, broker_url, redis_answers, require_service


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_is_postgresql_when_ci_or_database_url_says_so():
    import os

    wants_postgres = ON_CI or os.environ.get("DATABASE_URL", "").startswith("postgres")
    if not wants_postgres:
        pytest.skip("DATABASE_URL is not PostgreSQL (SQLite run)")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("select 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.worker
def test_redis_broker_answers():
    require_service("Redis", redis_answers(broker_url()), "set CELERY_BROKER_URL=redis://127.0.0.1:6379/0")


@pytest.mark.worker
def test_a_real_celery_worker_answers_on_the_broker(celery_worker_process):
    from compact_portal.celery import app

    replies = app.control.ping(timeout=2)
    assert replies, "no worker replied"
    assert any(name.startswith("test-") for reply in replies for name in reply)
