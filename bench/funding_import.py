"""Time the 360Giving import: the real published files, then a generated 100,000-grant file.

    python bench/funding_import.py [--grants N] [--formats csv,json,xlsx] [--skip-real]

Runs against a throwaway test database (SQLite by default, or DATABASE_URL's server). Imports each
real file in shared/360giving/samples/ and published/ (each grant under its own funder), twice: the
second run must change nothing. Then writes a file of N grants (100,000 by default: 20,000
recipients, 50 funders, some with the problems real files have) in each format, imports it, and
prints the time and the peak memory of the process (ru_maxrss), and the second run's time. The
figures of a run are kept in bench/funding_import.txt. Not a test: timings depend on the machine.
"""

import argparse
import csv
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SHARED = ROOT.parent.parent / "shared" / "360giving"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/360giving")
HEADER = [
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Planned Dates:Duration (months)",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Recipient Org:Postal Code",
    "Beneficiary Location:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Grant Programme:Title",
    "Primary ethnicity",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generated_rows(n: int, batch: int = 0):
    """N grants; `batch` keeps the grants, recipients and numbers of each file apart."""
    for i in range(n):
        recipient = batch * 100_000 + i % 20000
        funder = i % 50
        charity = "TBC" if recipient % 997 == 0 else str(1100000 + recipient)
        amount = f"{1000 + (i % 5000) * 7.31:.2f}" if i % 1000 else "41133.770000000004"
        yield [
            f"360G-bench-{batch}-{i}",
            f"Grant {i}",
            "Community work",
            "USD" if i % 5000 == 0 else "GBP",
            amount,
            f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            12 + i % 25,
            f"GB-CHC-{1100000 + recipient}",
            f"Group {recipient}",
            charity,
            "NN1 1AA",
            "Northamptonshire",
            f"GB-CHC-{900000 + funder}",
            f"Trust {funder}",
            "Small grants",
            "Black or Black British",
        ]


def write_file(folder: Path, fmt: str, n: int, batch: int = 0) -> Path:
    path = folder / f"bench-{n}.{fmt}"
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(generated_rows(n, batch))
    elif fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("grants")
        sheet.append(HEADER)
        for row in generated_rows(n, batch):
            sheet.append(row)
        book.save(path)
    else:
        from funding.threesixty.flat import unflatten

        with path.open("w", encoding="utf-8") as handle:
            handle.write('{"grants": [')
            for number, row in enumerate(generated_rows(n, batch)):
                grant = unflatten(list(zip(HEADER, row, strict=True)))
                handle.write(("," if number else "") + json.dumps(grant, default=str))
            handle.write('], "version": "1.4"}')
    return path


def run(label: str, path: Path, out) -> None:
    from funding.services.imports import ImportRefused, grants_import

    for attempt in ("first import", "second import"):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            result = grants_import(name=path.name, path=path)
        except ImportRefused as refused:
            line = f"{label:44} {attempt:14} refused: {len(refused.problems)} problems, first {refused.problems[0]}"
        else:
            line = (
                f"{label:44} {attempt:14} {result.grants} grants: {result.created} new, {result.updated} changed, "
                f"{result.unchanged} unchanged, {len(result.refused)} refusals, {len(result.warnings)} warnings"
            )
        line += (
            f"  {time.perf_counter() - started:6.1f} s ({time.process_time() - cpu:5.1f} s CPU), "
            f"peak {peak_mb():5.0f} MB, load {os.getloadavg()[0]:.1f}"
        )
        print(line, flush=True)
        out.append(line)


def main(args) -> None:
    from funding.models import Award

    out = [
        f"{time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores shared with other work (load is the "
        f"1-minute load average), database {connection.vendor}; peak is the process's ru_maxrss"
    ]
    if not args.skip_real:
        for path in sorted(SHARED.glob("samples/*.json")) + sorted(SHARED.glob("published/*.xlsx")):
            run(path.name, path, out)
    with tempfile.TemporaryDirectory() as folder:
        for batch, fmt in enumerate(args.formats.split(",")):
            started = time.perf_counter()
            path = write_file(Path(folder), fmt, args.grants, batch)
            print(f"(wrote {path.name}, {path.stat().st_size / 1e6:.0f} MB, in {time.perf_counter() - started:.0f} s)")
            run(f"generated {args.grants} grants ({fmt})", path, out)
    out.append(f"Awards held at the end: {Award.objects.count()}")
    print(out[-1])
    if args.save:
        (ROOT / "bench" / "funding_import.txt").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--grants", type=int, default=100_000)
    parser.add_argument("--formats", default="csv,json,xlsx")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--save", action="store_true", help="keep the figures in bench/funding_import.txt")
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main(parser.parse_args())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
