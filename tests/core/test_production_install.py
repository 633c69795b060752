"""A production image installs requirements.lock and nothing else: the portal must run on that alone.

pikepdf was once a development dependency while reviews/report.py imported it, so an image built from
requirements.lock could not build the annual review. This test builds a fresh virtual environment from
requirements.lock only, loads the demo into a new SQLite file and writes the review PDF with it.

It takes a few minutes (an install and a whole demo), so it runs on CI (CI=true) or when asked for with
PRODUCTION_INSTALL_TEST=1, and is skipped otherwise.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ON_CI

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (ON_CI or os.environ.get("PRODUCTION_INSTALL_TEST") == "1"),
    reason="builds a venv from requirements.lock (minutes): runs on CI or with PRODUCTION_INSTALL_TEST=1",
)


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_the_review_pdf_builds_with_the_production_lock_file_alone(tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "-r", str(ROOT / "requirements.lock")])
    # Nothing of the development lock may have leaked in.
    freeze = run([str(python), "-m", "pip", "freeze"]).stdout.lower()
    for dev_only in ("pytest", "factory-boy", "playwright", "hypothesis"):
        assert dev_only not in freeze

    unset = ("DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    manage = [str(python), str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_reference_data"], ["load_demo"]):
        run([*manage, *command], cwd=ROOT, env=environment)
    pdf = tmp_path / "review.pdf"
    run(
        [*manage, "annual_review", "--compact", "northamptonshire", "--format", "pdf", "--output", str(pdf)],
        cwd=ROOT,
        env=environment,
    )
    assert pdf.read_bytes().startswith(b"%PDF-")
