"""Time the annual review build on a generated Compact: the dataset, then the PDF.

    python bench/annual_review.py [PUBLIC_BODIES GROUPS AWARDS] [--trace-pdf]

Builds a throwaway database (a SQLite file in /tmp by default, or a test database on DATABASE_URL's
server), fills one Compact with 50 public bodies and 150 community groups as signatories (by
default), an adopted Code of 30 undertakings, a submitted return from every signatory with every
undertaking rated (comply-or-explain statements for each one not met), board declarations for
every group, 400 awards and 60 complaints, then builds the review's dataset and its PDF. Prints the
time and the peak Python memory (tracemalloc) of each step and the process's peak resident memory
(ru_maxrss). Not a test: timings depend on the machine.

Figures printed on the development machine (2 shared cores, SQLite, WeasyPrint 70), with table rows
kept whole across pages:

    generate 50+150 orgs              8.54 s   peak Python memory   14.0 MiB   peak resident memory so far    138 MiB
    build dataset                     2.11 s   peak Python memory   15.8 MiB   peak resident memory so far    162 MiB
    write PDF                        31.51 s   peak resident memory so far    661 MiB
    3600 statements, 400 awards, 60 complaints; PDF 139 pages, 1.0 MiB

On the same machine, letting rows split across pages wrote the same 139 pages in 27.95 s: keeping them
whole costs about 13%, and stops an undertaking's figures being printed a page away from its wording.
An earlier run with `--trace-pdf` took 222 s to write the PDF under tracemalloc, with a peak of 443 MiB
of Python allocations. The PDF's time grows in step with its pages (about 0.2 s a page): the 3,600
comply-or-explain statements are most of it. The build's time limit (REVIEWS_BUILD_TIME_LIMIT,
600 s) leaves a wide margin.

Issue 14 (a report a person reads): the body summarises and prints the exceptions (not met and
partly met in full, overdue actions); every signatory, BME-led organisation, not-applicable statement,
action and lesson goes to the annex while short (60 rows) and always to CSV open data. Measured on
4 December 2026 with the machine shared by eight developers' test runs, so both runs are slow; the
before run used the commit before issue 14 (68c3f98), the after run this one, same data set
(BENCH_SQLITE set apart for each, `/usr/bin/time -v` for the whole process's peak):

    before  write PDF  164.34 s   PDF 139 pages, 1.0 MiB   peak resident memory 661 MiB (677,216 KiB process)
    after   write PDF  124.86 s   PDF  96 pages, 0.7 MiB   peak resident memory 504 MiB (516,392 KiB process)
            build dataset 16.02 s (was 7.91 s under the same load: it now also recomputes last year's
            headline figures when no review of that year was built)

The 1,200 "not met" and 1,200 "partly met" explanations are the exceptions and stay in the body: they
are most of the 96 pages. Run `BENCH_SQLITE=/tmp/mine.sqlite3 python bench/annual_review.py` to keep
two runs from sharing a database file.
"""

import datetime
import logging
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

BENCH_SQLITE = os.environ.get("BENCH_SQLITE", "/tmp/annual_review_bench.sqlite3")
START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)
UNDERTAKINGS = 30
COMPLAINTS = 60
TRACE_PDF = False


def generate(bodies: int, groups: int, awards: int):
    from complaints import services as complaints
    from complaints.models import ComplainantKind
    from funding.models import Award
    from organisations.bme_led import Outcome
    from organisations.models import BoardDeclaration, Compact, LocalAuthorityArea, Organisation, Sector, Signatory
    from undertakings.models import (
        Code,
        ComplianceEntry,
        ComplianceReturn,
        Party,
        Rating,
        ReportingPeriod,
        ReturnStatus,
        Section,
        Undertaking,
    )

    compact = Compact.objects.create(slug="bench", name="Benchshire Compact", area="Benchshire")
    period = ReportingPeriod.objects.create(
        compact=compact,
        label="2025-26",
        start_date=START,
        end_date=END,
        returns_due=datetime.date(2026, 6, 30),
        is_open=False,
    )
    public = Organisation.objects.bulk_create(
        Organisation(slug=f"body-{n}", name=f"Public Body {n:03}", sector=Sector.PUBLIC, org_id=f"GB-BENCH-P{n}")
        for n in range(bodies)
    )
    community = Organisation.objects.bulk_create(
        Organisation(
            slug=f"group-{n}", name=f"Community Group {n:03}", sector=Sector.VOLUNTARY, org_id=f"GB-BENCH-V{n}"
        )
        for n in range(groups)
    )
    Signatory.objects.bulk_create(
        Signatory(compact=compact, organisation=o, signed_on=datetime.date(2020, 4, 1)) for o in public + community
    )
    # Every organisation works in the Compact's area: the review counts only the Compact's own.
    area = LocalAuthorityArea.objects.create(code="E06999999", name="Benchshire")
    compact.areas.add(area)
    Organisation.areas.through.objects.bulk_create(
        Organisation.areas.through(organisation_id=o.pk, localauthorityarea_id=area.pk) for o in public + community
    )
    BoardDeclaration.objects.bulk_create(
        BoardDeclaration(
            organisation=o,
            effective_date=datetime.date(2025, 9, 1),
            members=8,
            bme_members=(4, 6, 7, 8)[n % 4],
            undisclosed_members=0,
        )
        for n, o in enumerate(community)
    )
    code = Code.objects.create(
        compact=compact,
        slug="bench-code",
        version="1.0",
        title="Benchshire BME Code",
        short_title="BME Code",
        status="adopted",
    )
    section = Section.objects.create(code=code, ref="1", title="Joint undertakings", position=0)
    undertakings = Undertaking.objects.bulk_create(
        Undertaking(
            code=code,
            section=section,
            ref=f"1.{n}",
            party=Party.JOINT,
            position=n,
            text=f"work together on undertaking {n} and report on it every year",
        )
        for n in range(1, UNDERTAKINGS + 1)
    )
    returns = ComplianceReturn.objects.bulk_create(
        ComplianceReturn(organisation=o, period=period, code=code, status=ReturnStatus.SUBMITTED)
        for o in public + community
    )
    ratings = [Rating.MET, Rating.MET, Rating.PARTLY_MET, Rating.NOT_MET, Rating.NOT_APPLICABLE]
    ComplianceEntry.objects.bulk_create(
        ComplianceEntry(
            compliance_return=r,
            undertaking=u,
            rating=ratings[(i + j) % 5],
            explanation=""
            if ratings[(i + j) % 5] == Rating.MET
            else f"Our reasons for undertaking {u.ref}, in a sentence or two.",
        )
        for i, r in enumerate(returns)
        for j, u in enumerate(undertakings)
    )
    Award.objects.bulk_create(
        Award(
            identifier=f"360G-bench-{n}",
            title=f"Grant {n}",
            description="Bench",
            amount=Decimal(500 + (n * 37) % 9500),
            award_date=START + datetime.timedelta(days=n % 365),
            recipient=community[n % groups],
            funder=public[n % bodies],
            recipient_bme_led_outcome=(Outcome.BME_LED, Outcome.NOT_BME_LED)[n % 2],
            planned_months=12 + n % 40,
        )
        for n in range(awards)
    )
    for n in range(COMPLAINTS):
        complaints.complaint_raise(
            respondent=public[n % bodies],
            undertakings=[undertakings[n % UNDERTAKINGS]],
            undertakings_not_sure=False,
            what_happened="We were not invited.",
            happened_on=START,
            outcome_sought="An apology.",
            complainant_kind=ComplainantKind.ANONYMOUS,
            confidential=True,
            today=START + datetime.timedelta(days=n * 5),
        )
    return compact, period


def rss() -> str:
    # ru_maxrss is in KiB on Linux and only ever grows: it is the process's peak so far.
    return f"peak resident memory so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MiB"


def measure(label: str, step, *, trace: bool = True):
    """Time a step; with `trace`, also its peak Python allocations (tracemalloc slows WeasyPrint
    about sixfold, so the PDF is timed untraced and `--trace-pdf` traces it separately)."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = step()
    elapsed = time.perf_counter() - started
    traced = ""
    if trace:
        traced = f"peak Python memory {tracemalloc.get_traced_memory()[1] / 2**20:6.1f} MiB   "
        tracemalloc.stop()
    print(f"{label:30} {elapsed:7.2f} s   {traced}{rss()}")
    return result


def main(bodies: int, groups: int, awards: int) -> None:
    from django.utils import timezone

    from reviews.dataset import build_dataset
    from reviews.report import write_pdf

    compact, period = measure(f"generate {bodies}+{groups} orgs", lambda: generate(bodies, groups, awards))
    actions = [
        {"action": f"Action {n} agreed at the annual meeting", "owner": "Steering group", "due": "2026-12-31"}
        for n in range(10)
    ]
    dataset = measure(
        "build dataset", lambda: build_dataset(compact=compact, period=period, actions=actions, built_at=timezone.now())
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.pdf"
        pages = measure("write PDF", lambda: write_pdf(dataset, path), trace=False)
        size = path.stat().st_size
        if TRACE_PDF:
            measure("write PDF again, traced", lambda: write_pdf(dataset, path))
    print(
        f"{len(dataset['compliance']['statements'])} statements, {dataset['funding']['figures']['awards']} awards, "
        f"{dataset['complaints']['received']} complaints; PDF {pages} pages, {size / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    TRACE_PDF = "--trace-pdf" in sys.argv
    counts = [int(n) for n in sys.argv[1:] if n.isdigit()][:3] or [50, 150, 400]
    logging.getLogger("celery").setLevel(logging.WARNING)  # one line per complaint email otherwise
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = BENCH_SQLITE
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main(*counts)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
