"""References are CMP-<year>-<4 digits>, numbered from 1 each year, never twice."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from complaints.references import next_reference
from tests.support import require_service


@pytest.mark.django_db
def test_references_count_up_within_a_year_and_restart_each_year():
    assert [next_reference(year=2026) for _ in range(3)] == ["CMP-2026-0001", "CMP-2026-0002", "CMP-2026-0003"]
    assert next_reference(year=2027) == "CMP-2027-0001"
    assert next_reference(year=2026) == "CMP-2026-0004"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_complaints_raised_at_the_same_moment_never_share_a_reference():
    # Row locks (SELECT … FOR UPDATE) need PostgreSQL; SQLite runs one writer at a time anyway. On CI
    # a missing PostgreSQL is a failure, as for every service.
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL to a PostgreSQL database")

    def issue(_):
        try:
            return next_reference(year=2030)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        references = list(pool.map(issue, range(40)))
    assert len(set(references)) == 40
    assert sorted(references) == [f"CMP-2030-{n:04d}" for n in range(1, 41)]
