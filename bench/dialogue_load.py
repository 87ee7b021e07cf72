"""Dialogmøder under load on the embedded default: 200 participants post 3 notes each, all at once,
on SQLite through the same server `make run` starts (Django's runserver, threaded, DEBUG=1).

    .venv/bin/python bench/dialogue_load.py [--participants 200] [--notes 3]

Target (issue 6): all 600 notes stored within 60 s with zero errors. Each participant opens the
participant page (which sets the participant and CSRF cookies) and posts through the API with
X-CSRFToken and a client id, exactly as a phone would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DB = OUT / "dialogue-load.sqlite3"
PORT = 8765


def prepare() -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{DB}", "DEBUG": "1"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    code = (
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from handlekraft.dialogue.models import Meeting; "
                "m = Meeting.objects.create(title='Belastning', status='aaben'); print(m.join_code)",
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
    return code


def participant(base: str, code: str, notes: int, start: threading.Barrier, results: list) -> None:
    session = requests.Session()
    timings, errors = [], []
    try:
        page = session.get(f"{base}/m/{code}/", timeout=60)
        page.raise_for_status()
        token = session.cookies["csrftoken"]
        start.wait()
        for n in range(notes):
            began = time.perf_counter()
            response = session.post(
                f"{base}/api/v1/meetings/{code}/notes",
                json={"text": f"Note {n} fra {id(session)}", "client_id": uuid.uuid4().hex},
                headers={"X-CSRFToken": token, "Referer": f"{base}/m/{code}/"},
                timeout=60,
            )
            timings.append(time.perf_counter() - began)
            if response.status_code != 201:
                errors.append(f"{response.status_code} {response.text[:120]}")
    except Exception as exc:
        errors.append(repr(exc))
    results.append((timings, errors))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--notes", type=int, default=3)
    args = parser.parse_args()
    code = prepare()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{DB}", "DEBUG": "1"}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
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
        barrier = threading.Barrier(args.participants + 1)
        threads = [
            threading.Thread(target=participant, args=(base, code, args.notes, barrier, results))
            for _ in range(args.participants)
        ]
        for thread in threads:
            thread.start()
        barrier.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
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
    print(
        f"SQLite via runserver: {args.participants} participants × {args.notes} notes: {stored}/{expected} stored "
        f"in {elapsed:.1f} s, {len(errors)} errors; per post p50 {statistics.median(timings) * 1000:.0f} ms, "
        f"p95 {timings[int(0.95 * len(timings)) - 1] * 1000:.0f} ms (target: all within 60 s, zero errors)"
    )
    for error in errors[:5]:
        print("  error:", error)


if __name__ == "__main__":
    main()
