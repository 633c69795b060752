"""Private PostgreSQL, Redis, gunicorn and Celery processes for the fault tests (test_faults.py).

The fault tests stop and restart servers, so they never touch the shared ones the rest of the suite
uses: each starts its own PostgreSQL (initdb in a temporary directory, a free port) and Redis (no
persistence, a free port), and runs the portal and its worker as subprocesses against them.
"""

import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from tests.support import WorkerProcess, redis_answers, start_celery_worker, stop_process

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "fault-tests-" + "k7Qz3xWm9pLr2vTn8sYb4hJd6fGc1aEu5oIq0" * 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server binaries installed (Debian keeps them out of PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def wait_until(condition, seconds: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what} within {seconds} s")


class PrivatePostgres:
    """A PostgreSQL server of our own. PostgreSQL refuses to run as root, so as root the server
    runs as the `postgres` user, in a directory it owns."""

    def __init__(self):
        self.bin = postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> None:
        if not (self.dir / "data").exists():
            self._run(
                "initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"
            )
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def restart(self) -> None:
        """What an operator's restart does: fast shutdown (every session cut), then start again."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "restart", "-l", str(self.dir / "log"))

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        # Deleting a few hundred MB of database files takes seconds on a busy disk: not waited for.
        subprocess.Popen(["rm", "-rf", str(self.dir)], start_new_session=True)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, sql: str, database: str = "postgres", params=()) -> list[tuple]:
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    def create_database(self, name: str, template: str | None = None) -> str:
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)


class PrivateRedis:
    def __init__(self, log_dir: Path):
        self.port = free_port()
        self.log = log_dir / f"redis-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=open(self.log, "a"),
            stderr=subprocess.STDOUT,
        )
        wait_until(lambda: redis_answers(self.url), 20, "the private Redis did not answer")

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None


def portal_env(database_url: str, media_root: Path, broker_url: str = "") -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "CELERY_BROKER_URL": broker_url,
        "SECRET_KEY": SECRET_KEY,
        "DEBUG": "true",  # static files from the finders; connection.queries is reset every request
        "DEMO_BUILD_ANNUAL_REVIEW": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REVIEWS_BUILD_TEST_PAUSE", None)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def python(env: dict[str, str], code: str, timeout: float = 120) -> str:
    """Run `code` in a Django shell against the private stack; returns what it printed."""
    return manage(env, "shell", "-c", code, timeout=timeout)


class Portal:
    """gunicorn serving the portal, as the Dockerfile runs it (sync workers)."""

    def __init__(self, env: dict[str, str], log_path: Path, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "compact_portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=open(log_path, "w"),
            stderr=subprocess.STDOUT,
        )
        wait_until(self._answers, 60, f"gunicorn did not answer:\n{self.log()}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.log()}")
        try:
            return requests.get(self.url + "/", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def stop(self) -> None:
        stop_process(self.process, timeout=30)


def rss_kib(pid: int) -> int:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) if match else 0


def start_worker(env: dict[str, str], log_path: Path, name: str) -> WorkerProcess:
    # No heartbeat: a worker killed on purpose must not be waited for by its peers.
    return start_celery_worker(env, log_path, name, "--without-heartbeat")


class Visitor:
    """A person with a browser session: signs in through the form, sends forms with their CSRF token."""

    def __init__(self, base_url: str):
        self.base = base_url
        self.session = requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.session.get(self.base + path, allow_redirects=False, timeout=30, **kwargs)

    def csrf(self, path: str) -> str:
        page = self.session.get(self.base + path, timeout=30)
        page.raise_for_status()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match, f"no form on {path}"
        return match.group(1)

    def post(self, path: str, data: dict, token: str | None = None, files=None) -> requests.Response:
        token = token or self.session.cookies.get("csrftoken") or self.csrf(path)
        return self.session.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **data},
            files=files,
            headers={"Referer": self.base + path},
            allow_redirects=False,
            timeout=30,
        )

    def sign_in(self, email: str, password: str) -> None:
        token = self.csrf("/accounts/sign-in/")
        reply = self.post("/accounts/sign-in/", {"username": email, "password": password}, token)
        assert reply.status_code == 302, f"sign-in refused ({reply.status_code})"
