"""Time the 360Giving import on the real published files in shared/360giving/samples/.

    python bench/funding_import.py [SAMPLES_DIR]

Runs against a throwaway test database (SQLite by default, or DATABASE_URL's server), creating each
file's funder first, then imports every file twice: the second run must change nothing. Prints, per
file, the outcome (imported, or refused with the number of problems and the first few reasons) and
the time taken. Not a test: timings depend on the machine.
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

DEFAULT_SAMPLES = ROOT.parent.parent / "shared" / "360giving" / "samples"


def without_refused_grants(content: bytes, problems) -> bytes:
    """The same package less the grants a refusal named: what the publisher's corrected file would
    import, so the time of a whole successful import of real data is measured too."""
    refused = {p.where.removeprefix("Grant ") for p in problems}
    data = json.loads(content)
    data["grants"] = [grant for grant in data["grants"] if grant.get("id") not in refused]
    return json.dumps(data).encode()


def main(samples: Path) -> None:
    from funding.models import Award
    from funding.services.imports import ImportRefused, grants_import
    from funding.threesixty.reader import read_file
    from organisations.models import Organisation, Sector

    files = sorted(samples.glob("*.json")) + sorted(samples.glob("*.csv"))
    if not files:
        sys.exit(f"No sample files in {samples}")
    runs = [(path.name, path.read_bytes()) for path in files]
    for name, content in runs:
        raw, _ = read_file("file.json", content)
        funder_id = str(raw[0].values.get("funder_id")) if raw else "unknown"
        funder, _ = Organisation.objects.get_or_create(
            org_id=funder_id,
            defaults={"slug": f"bench-{funder_id.lower()}", "name": f"Funder {funder_id}", "sector": Sector.PUBLIC},
        )
        for attempt in ("first import", "second import"):
            started = time.perf_counter()
            try:
                result = grants_import(name="file.json", content=content, funder=funder)
            except ImportRefused as refused:
                elapsed = time.perf_counter() - started
                print(f"{name:40} {attempt:14} refused, {len(refused.problems)} problems  {elapsed:6.2f} s")
                for problem in refused.problems[:3]:
                    print(f"    {problem.where}: {problem.message}")
                if attempt == "first import" and not name.endswith("(less refused grants)"):
                    remaining = without_refused_grants(content, refused.problems)
                    if json.loads(remaining)["grants"]:
                        runs.append((f"{Path(name).stem} (less refused grants)", remaining))
                break
            elapsed = time.perf_counter() - started
            print(
                f"{name:40} {attempt:14} {result.grants} grants: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged, {result.organisations_created} new organisations  {elapsed:6.2f} s"
            )
    print(f"Awards held at the end: {Award.objects.count()}")


if __name__ == "__main__":
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SAMPLES)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
