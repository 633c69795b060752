"""The annual review build as the Celery worker runs it (reviews.jobs.review_build), on an existing
database such as the metro data set (`manage.py generate_metro`), with the worker's memory before,
at its peak and after each build.

    DATABASE_URL=postgres://.../metro_review MEDIA_ROOT=/tmp/bench-media \\
        python bench/annual_review_worker.py --compact metro-north --period 2025-26 [--builds 2] [--in-process]

By default the PDF is drawn in a child process (reviews.pdf_process), as the worker does;
`--in-process` draws it in this process, as the worker did before, for comparison. Each build makes a
new version of the review (left queued-then-succeeded in the database; delete them afterwards if the
database matters). Prints, per build: wall and CPU time (this process, and the child's), this
process's resident memory after the build, its peak, and the child's peak. Not a test: timings depend
on the machine and its load (printed beside them).
"""

import argparse
import gc
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")

import django  # noqa: E402

django.setup()


def resident_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def child_peaks() -> list[int]:
    """Run reviews.pdf_process's child under a watch of its own peak memory (VmHWM): the rusage of
    children counts the worker's pages the child had before it exec'd, so it cannot tell."""
    import subprocess
    import threading

    peaks = []

    def watched_run(args, **kwargs):
        timeout = kwargs.pop("timeout", None)
        kwargs.pop("capture_output", None)
        with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs) as child:
            peak = [0]

            def watch():
                status = Path(f"/proc/{child.pid}/status")
                while child.poll() is None:
                    try:
                        for line in status.read_text().splitlines():
                            if line.startswith("VmHWM:"):
                                peak[0] = max(peak[0], int(line.split()[1]) // 1024)
                    except (FileNotFoundError, ProcessLookupError):
                        break
                    time.sleep(0.05)

            watcher = threading.Thread(target=watch)
            watcher.start()
            out, err = child.communicate(timeout=timeout)
            watcher.join()
            peaks.append(peak[0])
            return subprocess.CompletedProcess(args, child.returncode, out, err)

    # Only this bench process: reviews.pdf_process calls subprocess.run.
    setattr(subprocess, "run", watched_run)  # noqa: B010
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compact", required=True)
    parser.add_argument("--period", required=True)
    parser.add_argument("--builds", type=int, default=1)
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--no-trim", action="store_true", help="leave out what the task does after a build")
    options = parser.parse_args()

    from django.db import reset_queries
    from django.db.models import Max
    from django.utils import timezone

    from accounts.models import User
    from organisations.models import Compact
    from reviews import jobs, pdf_process, report
    from reviews.models import AnnualReview, ReviewStatus
    from undertakings.models import ReportingPeriod

    peaks = []
    if options.in_process:
        pdf_process.write_pdf = report.write_pdf
    else:
        peaks = child_peaks()
    compact = Compact.objects.get(slug=options.compact)
    period = ReportingPeriod.objects.get(compact=compact, label=options.period)
    user = User.objects.order_by("pk").first() or User.objects.create_user(email="bench@example.invalid")
    gc.collect()
    print(f"mode: PDF {'in this process' if options.in_process else 'in a child process'}")
    print(f"before any build: resident {resident_mb()} MB; load average {os.getloadavg()[0]:.2f}")
    for n in range(1, options.builds + 1):
        version = (AnnualReview.objects.filter(compact=compact, period=period).aggregate(v=Max("version"))["v"]) or 0
        review = AnnualReview.objects.create(
            compact=compact,
            period=period,
            version=version + 1,
            requested_by=user,
            requested_at=timezone.now(),
            heartbeat_at=timezone.now(),
        )
        wall, me, children = (
            time.monotonic(),
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        jobs.review_build(review_id=review.pk)
        wall = time.monotonic() - wall
        me2, children2 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        review.refresh_from_db()
        assert review.status == ReviewStatus.SUCCEEDED, review.failure_reason
        # DEBUG keeps every query's SQL (some hold thousands of ids) on the connection; a production
        # worker runs with DEBUG off and keeps none, so they are let go here too.
        reset_queries()
        gc.collect()
        if not options.no_trim:  # as reviews.tasks.BuildTask.after_return does
            pdf_process.release_freed_memory()
        cpu = me2.ru_utime + me2.ru_stime - me.ru_utime - me.ru_stime
        child_cpu = children2.ru_utime + children2.ru_stime - children.ru_utime - children.ru_stime
        print(
            f"build {n}: {review.page_count} pages, {wall:.1f} s wall, CPU {cpu:.1f} s here + {child_cpu:.1f} s child; "
            f"resident after {resident_mb()} MB, peak here {me2.ru_maxrss // 1024} MB, "
            f"peak child {peaks[-1] if peaks else '-'} MB; load average {os.getloadavg()[0]:.2f}"
        )


if __name__ == "__main__":
    main()
