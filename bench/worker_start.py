"""How fast a fresh app worker serves its first request (issue 18: "fresh workers can't start on a busy
host"). Starts gunicorn on a migrated SQLite file, DEBUG=0, twice:

- **before**: the old command line (`gunicorn handlekraft.wsgi --workers 2`, sync workers, each worker
  importing the site itself), the repository's gunicorn.conf.py ignored;
- **now**: `gunicorn` reading gunicorn.conf.py (the site and its URLconf loaded in the master before the
  workers fork, gthread).

For each it prints the seconds until the first `/login/` answer, the CPU seconds each worker had spent by
then, and each worker's memory. Run by hand:

    .venv/bin/python bench/worker_start.py [--runs 5] [--setups before,now]

To measure the code before the lazy imports, copy this script into a checkout of that commit and run it
there with `--setups before` (that checkout has no gunicorn.conf.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "bench" / "out" / "worker-start.sqlite3"
PORT = 8779
TICKS = os.sysconf("SC_CLK_TCK")


def migrated(env: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.sites import fresh_sqlite

    fresh_sqlite(DB)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(p) for p in found]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def first_answer(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/login/", timeout=60) as answer:
                    answer.read()
                break
            except OSError:
                if time.monotonic() - started > 120:
                    raise
                time.sleep(0.05)
        seconds = time.monotonic() - started
        workers = children(server.pid)
        return {
            "seconds": seconds,
            "worker_cpu": max(cpu_seconds(p) for p in workers),
            "master_cpu": cpu_seconds(server.pid),
            "worker_mb": max(rss_mb(p) for p in workers),
        }
    finally:
        server.terminate()
        server.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--setups", default="before,now", help="which of before,now to run")
    options = parser.parse_args()
    runs, wanted = options.runs, options.setups.split(",")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "DJANGO_SETTINGS"))}
    env |= {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{DB}",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": "2",
    }
    migrated(env)
    gunicorn = [sys.executable, "-m", "gunicorn"]
    setups = {
        "before": [
            *gunicorn,
            "-c",
            "/dev/null",
            "handlekraft.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
        ],
        "now": gunicorn,
    }
    print(
        "| setup | first answer p50 | worst worker's CPU by then p50 | master CPU p50 | worker memory p50 |"
    )
    print("|---|---|---|---|---|")
    for name, command in setups.items():
        if name not in wanted:
            continue
        found = [first_answer(command, env) for _ in range(runs)]
        median = {k: statistics.median(f[k] for f in found) for k in found[0]}
        print(
            f"| {name} | {median['seconds']:.2f} s | {median['worker_cpu']:.2f} s | {median['master_cpu']:.2f} s "
            f"| {median['worker_mb']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
