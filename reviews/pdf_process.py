"""The annual review's PDF, rendered in a child process so the worker's memory stays flat.

WeasyPrint's layout of a review takes a few hundred MB (540 MB for a metro Compact before its report
was summarised), and CPython keeps most of that heap after the build: a Celery worker that had built
one review stayed at 661 MB (issue 17). A child process gives it all back when it exits. The child is
a fresh interpreter (`python -m reviews.pdf_process`), not a fork: it shares no database connection,
thread or lock with the worker, and it needs no database at all, since the report is drawn from the
dataset alone (reviews.report). The dataset goes to it as a JSON file, as it is stored, so the PDF is
the one a rebuild from the stored dataset would give.

The worker waits for the child. Celery's soft time limit raised while it waits kills the child
(subprocess.run does so on any exception), the child is killed as well if the worker itself is killed
(Linux's parent-death signal), and it never runs longer than a whole build may.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings


class PdfRenderFailed(Exception):
    """The child process could not write the PDF; the message is the last line it printed."""


def write_pdf(dataset: dict, path: Path) -> int:
    """Write the review's tagged PDF to exactly `path` from a child process; return its pages."""
    path = Path(path)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", suffix=".json", prefix=".dataset-", dir=path.parent, delete=False
    ) as handle:
        json.dump(dataset, handle, ensure_ascii=False)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reviews.pdf_process", handle.name, str(path)],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(settings.BASE_DIR), os.environ.get("PYTHONPATH", "")]),
            },
            capture_output=True,
            text=True,
            timeout=settings.REVIEWS_BUILD_TIME_LIMIT,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise PdfRenderFailed(lines[-1] if lines else f"the PDF process exited with status {done.returncode}")
    return int(done.stdout.split()[-1])


def release_freed_memory() -> None:
    """Hand the heap the worker freed after a build back to the system (glibc's malloc_trim; a no-op
    elsewhere). Gathering a metro Compact's dataset leaves about 30 MB free but held otherwise."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        return


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the worker that started it dies (elsewhere: no-op)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def main(dataset_path: str, pdf_path: str) -> None:
    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:  # the worker died before the signal was asked for
        sys.exit(1)
    import django

    # The worker's own settings module (it is in the environment it passed on), like manage.py's.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_portal.settings")
    django.setup()
    from reviews.report import write_pdf as render

    with open(dataset_path, encoding="utf-8") as handle:
        dataset = json.load(handle)
    print(render(dataset, Path(pdf_path)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
