"""Dialogmøder under load: participants post notes all at once while a facilitator's board polls.

    .venv/bin/python bench/dialogue_load.py [--participants 200] [--notes 3] [--server runserver|gunicorn]
        [--database sqlite|postgres] [--cache database|redis]

`runserver` (the default) is the server `make run` starts (threaded, DEBUG=1); `gunicorn` is the
production setup of the README (gunicorn.conf.py, DEBUG=0). On a fresh SQLite file, or on a PostgreSQL
server of the script's own (initdb in bench/out, never the shared one); the shared cache in the database
(the default) or in Redis at 127.0.0.1:6379 (database 7, emptied first).

Each participant opens the participant page (which sets the participant and CSRF cookies) and posts
through the API with X-CSRFToken and a client id, exactly as a phone would. Meanwhile one facilitator
polls the board's changes every 2 s as the board does (`?rev=`), and the script records how long after
its post returned each note first reached the board.

Targets: issue 6, all notes stored with zero errors; issue 18, 1,000 participants × 2 notes with post
p95 ≤ 2 s and a note on the board within 3 s (p95); 200 participants within 1 s and 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
DB = OUT / "dialogue-load.sqlite3"
PORT = 8765


MAKE_MEETING = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from handlekraft.dialogue.models import Meeting
leader = get_user_model().objects.create_user("leder@belastning.dk", "x", name="Lene")
meeting = Meeting.objects.create(title="Belastning", status="aaben")
meeting.facilitators.add(leader)
session = SessionStore()
session["_auth_user_id"] = str(leader.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = leader.get_session_auth_hash()
session.create()
print(meeting.join_code, meeting.pk, session.session_key)
"""


def server_env(kind: str, database_url: str, cache: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "DJANGO_SETTINGS", "REDIS_"))
    }
    env["DATABASE_URL"] = database_url
    if cache == "redis":
        env["REDIS_URL"] = "redis://127.0.0.1:6379/7"
        subprocess.run(["redis-cli", "-n", "7", "flushdb"], check=True, capture_output=True)
    if kind == "runserver":
        return env | {"DEBUG": "1"}
    return env | {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
    }


def prepare(env: dict[str, str]) -> tuple[str, int, str]:
    """A fresh database with one open meeting and a signed-in facilitator: (join code, id, session)."""
    OUT.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)  # a PostgreSQL database is new anyway
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    if env["DEBUG"] == "0":
        subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    made = subprocess.run(
        [*manage, "shell", "-v", "0", "-c", MAKE_MEETING],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    code, pk, session = made.stdout.split()[-3:]
    return code, int(pk), session


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children so far, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total, pids = 0.0, [pid]
    while pids:
        current = pids.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        pids.extend(int(c) for c in children)
    return total


def board(base: str, pk: int, session_key: str, stop: threading.Event, seen: dict[str, float]) -> None:
    """The facilitator's board: polls every 2 s from the revision it has, as the page does."""
    client = requests.Session()
    client.cookies.set("sessionid", session_key)
    rev = 0
    while not stop.is_set():
        answer = client.get(f"{base}/dialog/{pk}/aendringer/?rev={rev}", timeout=60)
        now = time.perf_counter()
        if answer.status_code == 200:
            for text in re.findall(r"Note \d+ fra \d+", answer.text):
                seen.setdefault(text, now)
            found = re.search(r"\?rev=(\d+)", answer.text)
            rev = int(found.group(1)) if found else rev
        stop.wait(2)


def participant(
    base: str, code: str, notes: int, start: threading.Barrier, results: list, posted: dict[str, float]
) -> None:
    session = requests.Session()
    timings, errors = [], []
    try:
        page = session.get(f"{base}/m/{code}/", timeout=60)
        page.raise_for_status()
        for cookie in session.cookies:  # production marks them Secure; this bench speaks plain HTTP
            cookie.secure = False
        token = session.cookies["csrftoken"]
        start.wait()
        for n in range(notes):
            began = time.perf_counter()
            text = f"Note {n} fra {id(session)}"
            response = session.post(
                f"{base}/api/v1/meetings/{code}/notes",
                json={"text": text, "client_id": uuid.uuid4().hex},
                headers={"X-CSRFToken": token, "Referer": f"{base}/m/{code}/"},
                timeout=60,
            )
            done = time.perf_counter()
            timings.append(done - began)
            posted[text] = done
            if response.status_code != 201:
                errors.append(f"{response.status_code} {response.text[:120]}")
    except Exception as exc:
        errors.append(repr(exc))
    results.append((timings, errors))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--notes", type=int, default=3)
    parser.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--cache", choices=["database", "redis"], default="database")
    args = parser.parse_args()
    postgres = None
    if args.database == "postgres":
        from bench.faults import OwnPostgres

        shutil.rmtree(OUT / "dialogue-pg", ignore_errors=True)
        postgres = OwnPostgres(OUT / "dialogue-pg")
        postgres.start()
        subprocess.run(["psql", postgres.url("postgres"), "-qc", "CREATE DATABASE handlekraft"], check=True)
    try:
        run(args, server_env(args.server, postgres.url() if postgres else f"sqlite:///{DB}", args.cache))
    finally:
        if postgres is not None:
            postgres.stop()


def run(args, env: dict[str, str]) -> None:
    code, pk, session_key = prepare(env)
    command = (
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"]
        if args.server == "runserver"
        else [sys.executable, "-m", "gunicorn"]
    )
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/healthz", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        results: list = []
        posted: dict[str, float] = {}
        seen: dict[str, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=board, args=(base, pk, session_key, stop, seen))
        watcher.start()
        barrier = threading.Barrier(args.participants + 1)
        threads = [
            threading.Thread(target=participant, args=(base, code, args.notes, barrier, results, posted))
            for _ in range(args.participants)
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        cpu_before, clients_before = server_cpu(server.pid), time.process_time()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        deadline = time.perf_counter() + 30
        while len(seen) < len(posted) and time.perf_counter() < deadline:
            time.sleep(0.5)
        stop.set()
        watcher.join()
        cpu, clients_cpu = server_cpu(server.pid) - cpu_before, time.process_time() - clients_before
    finally:
        server.terminate()
        server.wait(timeout=10)
    stored = (
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from handlekraft.dialogue.models import Note; print(Note.objects.count())",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    timings = sorted(t for ts, _e in results for t in ts)
    errors = [e for _t, es in results for e in es]
    expected = args.participants * args.notes
    delays = sorted(seen[t] - posted[t] for t in posted if t in seen)
    on_board = (
        f"on the board after p50 {statistics.median(delays):.1f} s, p95 {delays[int(0.95 * len(delays)) - 1]:.1f} s"
        if delays
        else "none seen on the board"
    )
    where = ("SQLite" if args.database == "sqlite" else "PostgreSQL") + f", cache in {args.cache}"
    print(
        f"{where}, {args.server}: {args.participants} participants × {args.notes} notes: {stored}/{expected} "
        f"stored in {elapsed:.1f} s, {len(errors)} errors; per post p50 {statistics.median(timings) * 1000:.0f} ms, "
        f"p95 {timings[int(0.95 * len(timings)) - 1] * 1000:.0f} ms; {len(delays)}/{len(posted)} {on_board}"
    )
    print(
        f"  the server used {cpu:.1f} CPU seconds ({1000 * cpu / max(1, len(timings)):.1f} ms per post, polls "
        f"included), the clients {clients_cpu:.1f} on the same {os.cpu_count()} CPUs"
    )
    for error in errors[:5]:
        print("  error:", error)


if __name__ == "__main__":
    main()
