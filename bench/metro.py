"""Time the pages and CSV downloads of issue 17 on the metro data set, beside the admin changelists.

    createdb -h 127.0.0.1 -U postgres metro_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/metro_bench
    python manage.py migrate && python manage.py load_reference_data && python manage.py generate_metro
    python bench/metro.py [--requests 20]

Runs in this process through Django's test client (no server, no network), signed in as a bench
site administrator it creates (metro-bench@example.org, no usable password). For each page: the p50
and p95 of N requests after one warm-up, its admin changelist's p95 (requested in turns with the
page, so both see the same load) and the ratio, the HTML size and the queries of one request.
For each CSV download: time to the first byte, total time, size, and the peak of Python allocations
(tracemalloc, in a second pass) while streaming (each chunk dropped once read, as a server does)
and while buffering (every chunk kept: what building the whole body in memory cost).
Not a test: timings depend on the machine. Refuses SQLite and the shared `test` database.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402


def refuse_unsafe_database() -> None:
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor != "postgresql" or name in ("test", "compact") or "bench" not in name:
        sys.exit(f"Run on a PostgreSQL database of its own whose name says bench (not {connection.vendor} {name!r})")


def bench_client() -> Client:
    """A site administrator who also sits on every metro steering group and is an officer of the
    first public body, so the steering lists and the returns list show what they would at scale."""
    import datetime

    from accounts.models import User
    from organisations.models import (
        Compact,
        Membership,
        MembershipRole,
        MembershipStatus,
        Organisation,
        SteeringGroupMember,
    )

    user = User.objects.filter(email="metro-bench@example.org").first()
    if user is None:
        user = User.objects.create_user(
            email="metro-bench@example.org", password=None, full_name="Metro Bench", is_staff=True, is_superuser=True
        )
        for compact in Compact.objects.filter(slug__startswith="metro-"):
            SteeringGroupMember.objects.create(compact=compact, user=user, start_date=datetime.date(2020, 1, 1))
        Membership.objects.create(
            user=user,
            organisation=Organisation.objects.get(slug="metro-body-0"),
            role=MembershipRole.ADMIN,
            status=MembershipStatus.APPROVED,
        )
    # No setup_test_environment(): it records every template rendered with its context, which on a
    # page of 6,000 comments costs more than the page. Host localhost is allowed in every setting.
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def warm_up(client: Client, url: str) -> tuple[int, int]:
    """One request (templates compiled, connection open): the HTML size and the queries it made."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(response.content), len(queries)


def time_pair(client: Client, url: str, admin_url: str, requests: int) -> tuple[list[float], list[float]]:
    """Times (ms) of `requests` requests of the page and of its admin changelist, taken in turns so
    that both see the same load on a shared machine."""
    times: dict[str, list[float]] = {url: [], admin_url: []}
    for _ in range(requests):
        for address in (url, admin_url):
            started = time.perf_counter()
            response = client.get(address)
            times[address].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, address
    return times[url], times[admin_url]


def pages():
    from consultations.models import Consultation
    from undertakings.models import Code, ReportingPeriod

    crowded = Consultation.objects.get(slug="metro-consultation-0")
    closed = Consultation.objects.filter(slug__startswith="metro-", status="closed").order_by("pk").first()
    period = ReportingPeriod.objects.get(compact__slug="metro-north", label="2025-26")
    code = Code.objects.filter(compact_id=period.compact_id).order_by("pk").first()
    undertaking = code.undertakings.filter(assessable=True).order_by("pk").first()
    comments_admin = reverse("admin:consultations_comment_changelist") + f"?consultation__id__exact={crowded.pk}"
    closed_admin = reverse("admin:consultations_comment_changelist") + f"?consultation__id__exact={closed.pk}"
    returns_admin = reverse("admin:undertakings_compliancereturn_changelist")
    entries_admin = reverse("admin:undertakings_complianceentry_changelist")
    complaints_admin = reverse("admin:complaints_complaint_changelist")
    return [
        (
            f"consultation page ({crowded.comments.count()} comments)",
            reverse("consultations:detail", args=[crowded.slug]),
            comments_admin,
        ),
        ('its "you said, we did" page', reverse("consultations:response", args=[crowded.slug]), comments_admin),
        ("awards list", reverse("funding:award-list"), reverse("admin:funding_award_changelist")),
        ("funding monitoring page", reverse("funding:monitoring"), reverse("admin:funding_award_changelist")),
        (
            "organisation directory",
            reverse("organisations:directory"),
            reverse("admin:organisations_organisation_changelist"),
        ),
        ("complaints of the Compacts", reverse("complaints:compact-list"), complaints_admin),
        (
            "period overview (1,500 signatories)",
            reverse("undertakings:period-overview", args=[period.pk]),
            returns_admin,
        ),
        ("compliance returns", reverse("undertakings:return-list"), returns_admin),
        # The steering group's and officers' lists that grow with the data.
        ("steering: matrix by section", reverse("undertakings:matrix", args=[period.pk, code.pk]), returns_admin),
        (
            "steering: every undertaking (full grid)",
            reverse("undertakings:matrix-full", args=[period.pk, code.pk]),
            entries_admin,
        ),
        (
            "steering: one undertaking, every body",
            reverse("undertakings:undertaking-detail", args=[period.pk, undertaking.pk]),
            entries_admin,
        ),
        (
            f"steering: moderate comments ({crowded.comments.count()})",
            reverse("consultations:comments", args=[crowded.slug]),
            comments_admin,
        ),
        (
            f"steering: respond to comments ({closed.comments.count()})",
            reverse("consultations:respond", args=[closed.slug]),
            closed_admin,
        ),
        (
            "steering: public bodies and claims",
            reverse("organisations:public-bodies"),
            reverse("admin:organisations_organisation_changelist"),
        ),
        ("steering: holds and extensions", reverse("complaints:holds-extensions"), complaints_admin),
        ("steering: complaints self-assessment", reverse("complaints:self-assessments"), complaints_admin),
        (
            "steering: representation overview",
            reverse("representation:overview"),
            reverse("admin:representation_appointment_changelist"),
        ),
        ("steering: boards", reverse("representation:board-list"), reverse("admin:representation_board_changelist")),
        (
            "steering: representatives",
            reverse("representation:representative-list"),
            reverse("admin:representation_representative_changelist"),
        ),
        (
            "steering: reviews to build",
            reverse("reviews:build-index"),
            reverse("admin:reviews_annualreview_changelist"),
        ),
        (
            "steering: recipients to confirm",
            reverse("funding:match-queue"),
            reverse("admin:funding_award_changelist"),
        ),
    ]


def downloads():
    return [
        ("grants CSV (every award)", reverse("funding:award-csv")),
        ("comments CSV (crowded consultation)", reverse("consultations:comments-csv", args=["metro-consultation-0"])),
        ("organisations CSV", reverse("organisations:directory-csv")),
        ("complaints CSV (every Compact)", reverse("complaints:compact-csv") + "?status=all"),
    ]


def _streamed(response) -> Iterator[bytes]:
    """A streaming response's chunks: the test client is synchronous, so never an async iterator."""
    return iter(cast(Iterator[bytes], response.streaming_content))


def time_download(client: Client, url: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200 and response.streaming, url
    chunks = _streamed(response)
    size = len(next(chunks))
    first = time.perf_counter() - started
    for chunk in chunks:
        size += len(chunk)
    response.close()
    return first * 1000, (time.perf_counter() - started) * 1000, size


def download_memory(client: Client, url: str, *, keep: bool) -> float:
    """Peak Python allocations (MiB) while the download is read, dropping or keeping its chunks."""
    kept = []
    tracemalloc.start()
    response = client.get(url)
    for chunk in _streamed(response):
        if keep:
            kept.append(chunk)
    response.close()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main(requests: int, only: str = "", csv: bool = True) -> None:
    refuse_unsafe_database()
    client = bench_client()
    print(
        f"Pages: {requests} requests each after a warm-up, times in ms (database {settings.DATABASES['default']['NAME']})"
    )
    print(f"Load average at the start: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("| page | p50 | p95 | admin changelist p95 | ratio | HTML | queries |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, url, admin_url in pages():
        if only and only not in label:
            continue
        size, queries = warm_up(client, url)
        warm_up(client, admin_url)
        times, admin_times = time_pair(client, url, admin_url, requests)
        admin = percentile(admin_times, 0.95)
        p95 = percentile(times, 0.95)
        print(
            f"| {label} | {statistics.median(times):.0f} | {p95:.0f} | {admin:.0f} | {p95 / admin:.1f}× "
            f"| {size / 1024:.0f} KB | {queries} |"
        )
    print(f"Load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    if not csv:
        return
    print()
    print(
        "CSV downloads (streamed): time to first byte and in total (ms); peak Python memory (MiB) streaming vs buffered"
    )
    print("| download | first byte | total | size | peak streamed | peak if buffered |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, url in downloads():
        first, total, size = time_download(client, url)
        streamed = download_memory(client, url, keep=False)
        buffered = download_memory(client, url, keep=True)
        print(f"| {label} | {first:.0f} | {total:.0f} | {size / 2**20:.1f} MB | {streamed:.1f} | {buffered:.1f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--only", default="", help="time only the pages whose label holds this text")
    parser.add_argument("--no-csv", action="store_true", help="skip the CSV downloads")
    arguments = parser.parse_args()
    main(arguments.requests, arguments.only, not arguments.no_csv)
