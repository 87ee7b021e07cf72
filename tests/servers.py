"""Real app servers for the tests that need several processes: gunicorn with its own workers, `DEBUG=0`,
the production defaults (the database cache) and a database of its own, migrated from scratch.

On SQLite the database is a file in the test's temporary folder; when the suite runs on PostgreSQL
(DATABASE_URL), a database of its own on that server, dropped afterwards.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def own_database(folder: Path) -> Iterator[str]:
    """A DATABASE_URL for an empty database nobody else uses."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    parts = urlsplit(url)
    name = f"hk_servers_{os.getpid()}_{time.monotonic_ns() % 10**6}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


def site_environment(database_url: str, folder: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DEBUG="0",
        SECRET_KEY="servers-test-key-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        EMAIL_CONSOLE_OK="1",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(folder / "static"),
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def prepare_site(env: dict[str, str], demo: bool = False) -> None:
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    if demo:  # the demo refuses to run without DEBUG (its accounts have a known password)
        manage({**env, "DEBUG": "1"}, "demo")


@dataclass
class Gunicorn:
    url: str
    process: subprocess.Popen
    access_log: Path

    def worker_pids(self) -> set[str]:
        """The workers that served requests (the access log names each request's process)."""
        return {line.split()[0] for line in self.access_log.read_text().splitlines() if line.strip()}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_gunicorn(
    env: dict[str, str], folder: Path, workers: int = 2, timeout: int = 30, port: int | None = None
) -> Gunicorn:
    port = port or free_port()
    access_log = folder / f"access-{port}.log"
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "handlekraft.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", str(timeout),
            "--access-logfile", str(access_log), "--access-logformat", "%(p)s %(s)s %(m)s %(U)s?%(q)s",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(folder / f"gunicorn-{port}.log").open("w"),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, (folder / f"gunicorn-{port}.log").read_text()[-3000:]
        # Every worker has loaded the site only when each has answered: on a busy machine one worker
        # can be ready seconds before the other, and a test of several workers would meet only one.
        with ThreadPoolExecutor(2 * workers) as clients:
            list(clients.map(lambda _: _healthz(url), range(2 * workers)))
        if len(_workers_answered(access_log)) >= workers:
            return Gunicorn(url, process, access_log)
        time.sleep(0.2)
    process.kill()
    raise AssertionError(f"gunicorn's {workers} workers did not all answer within 60 s")


def _healthz(url: str) -> None:
    with contextlib.suppress(OSError), urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310
        pass


def _workers_answered(access_log: Path) -> set[str]:
    if not access_log.exists():
        return set()
    return {line.split()[0] for line in access_log.read_text().splitlines() if " /healthz" in line}
