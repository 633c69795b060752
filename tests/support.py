"""Helpers shared by every app's tests (fixtures are in conftest.py)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from organisations.models import MembershipRole

from . import factories as f

ON_CI = os.environ.get("CI", "").lower() == "true"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def require_service(name: str, available: bool, how: str) -> None:
    """Skip on a laptop that lacks a service; on CI a missing service is a failure, never a skip."""
    if available:
        return
    message = f"{name} is not available: {how}"
    if ON_CI:
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


PERSONAS = [
    "anonymous",
    "outsider",
    "group_member",
    "officer",
    "other_officer",
    "steering_member",
    "site_admin",
    # A look-alike second Compact hosted by the same portal: its steering member and an officer of
    # its council must get nothing of the first Compact's that the public does not get.
    "other_steering_member",
    "other_compact_officer",
]


def build_world() -> SimpleNamespace:
    """The standard cast: a Compact with two public bodies and a community group, one person in
    each role, and an outsider who is signed in but belongs to nothing. Beside it, a look-alike
    second Compact (Southshire) with its own council, group, steering member and officer."""
    compact = f.CompactFactory(name="Northshire Compact", slug="northshire", area="Northshire")
    council = f.PublicBodyFactory(name="Northshire Council", slug="northshire-council")
    other_body = f.PublicBodyFactory(name="Northshire NHS Trust", slug="northshire-nhs", public_body_type="nhs")
    group = f.OrganisationFactory(
        name="African Caribbean Forum", slug="african-caribbean-forum", charity_number="1123456"
    )
    other_group = f.OrganisationFactory(name="Polish Community Centre", slug="polish-community-centre")
    for organisation in (council, other_body, group):
        f.SignatoryFactory(compact=compact, organisation=organisation)
    f.BoardDeclarationFactory(organisation=group, members=8, bme_members=7)

    officer = f.UserFactory(email="officer@council.example", full_name="Olu Officer")
    f.MembershipFactory(user=officer, organisation=council, role=MembershipRole.ADMIN)
    other_officer = f.UserFactory(email="officer@nhs.example", full_name="Nia Other")
    f.MembershipFactory(user=other_officer, organisation=other_body, role=MembershipRole.ADMIN)
    group_member = f.UserFactory(email="member@forum.example", full_name="Grace Member")
    f.MembershipFactory(user=group_member, organisation=group, role=MembershipRole.ADMIN)
    steering_member = f.UserFactory(email="chair@steering.example", full_name="Sam Steering")
    f.SteeringGroupMemberFactory(compact=compact, user=steering_member, role="Chair")
    site_admin = f.UserFactory(email="admin@portal.example", full_name="Ada Admin", is_staff=True, is_superuser=True)
    outsider = f.UserFactory(email="someone@example.org", full_name="Oscar Outsider")
    period = f.ReportingPeriodFactory(compact=compact)

    # Its own local authority area: a look-alike Compact shares nothing with the first.
    southshire = f.LocalAuthorityAreaFactory(code="E06999002", name="Southshire")
    other_compact = f.CompactFactory(
        name="Southshire Compact", slug="southshire", area="Southshire", areas=[southshire]
    )
    other_council = f.PublicBodyFactory(name="Southshire Council", slug="southshire-council", areas=[southshire])
    other_compact_group = f.OrganisationFactory(
        name="Southshire African Forum", slug="southshire-african-forum", areas=[southshire]
    )
    for organisation in (other_council, other_compact_group):
        f.SignatoryFactory(compact=other_compact, organisation=organisation)
    other_compact_officer = f.UserFactory(email="other-officer@southshire.example", full_name="Sol Southern")
    f.MembershipFactory(user=other_compact_officer, organisation=other_council, role=MembershipRole.ADMIN)
    other_steering_member = f.UserFactory(email="other-chair@southshire.example", full_name="Sia Southern")
    f.SteeringGroupMemberFactory(compact=other_compact, user=other_steering_member, role="Chair")
    return SimpleNamespace(
        compact=compact,
        council=council,
        other_body=other_body,
        group=group,
        other_group=other_group,
        period=period,
        other_compact=other_compact,
        other_council=other_council,
        other_compact_group=other_compact_group,
        users={
            "anonymous": None,
            "outsider": outsider,
            "group_member": group_member,
            "officer": officer,
            "other_officer": other_officer,
            "steering_member": steering_member,
            "site_admin": site_admin,
            "other_steering_member": other_steering_member,
            "other_compact_officer": other_compact_officer,
        },
    )


# --- Browser tests (Debian's Chromium through Playwright; never a downloaded browser) ------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def assert_accessible(page, name: str | None = None) -> None:
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations on the current page; keeps a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state()  # a click that submits a form may still be loading the next page
    if name:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
    )
    violations = results.response["violations"]
    assert not violations, f"axe found violations on {page.url}:\n" + results.generate_report()


# --- Real services (PostgreSQL, Redis, a Celery worker) ---------------------------------------------


def broker_url() -> str:
    return os.environ.get("CELERY_BROKER_URL", "")


def redis_answers(url: str) -> bool:
    if not url.startswith("redis://"):
        return False
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except Exception:
        return False


def database_url_for_subprocess() -> str:
    """The test database as a URL, so a worker in another process sees what the test committed."""
    from django.db import connection

    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def worker_env(**extra: str) -> dict[str, str]:
    """The environment a Celery worker in another process needs to see this test's database, broker
    and media."""
    from django.conf import settings

    return {
        **os.environ,
        "DATABASE_URL": database_url_for_subprocess(),
        "CELERY_BROKER_URL": broker_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **extra,
    }


class WorkerProcess(subprocess.Popen[bytes]):
    log_path: Path  # where its output goes, shown if it dies


def start_celery_worker(env: dict[str, str], log_path: Path, name: str, *options: str) -> WorkerProcess:
    """A real Celery worker (solo pool) in another process, its output in `log_path`."""
    with open(log_path, "w") as log:  # the worker keeps its own copy of the file
        process = WorkerProcess(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "compact_portal",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                *options,
                "-n",
                f"{name}-{os.getpid()}@%h",
            ],
            cwd=Path(__file__).resolve().parent.parent,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    process.log_path = log_path
    return process


def stop_process(process: subprocess.Popen | None, timeout: float = 20) -> None:
    """Ask a process to stop (SIGTERM), and kill it if it has not within `timeout` seconds, so a test
    that fails never leaves a worker or a server behind to hide why."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
