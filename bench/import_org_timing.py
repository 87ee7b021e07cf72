"""Times `manage.py import_org` at municipal scale: a first import, then a re-import that changes nothing.

    .venv/bin/python bench/import_org_timing.py                 # SQLite, in a fresh file under bench/out
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_bench .venv/bin/python bench/import_org_timing.py

The database is migrated first and must be empty of units (use a fresh one). Target: each import
of 3,000 units and 45,000 people takes at most 2 minutes (DESIGN §5, issue 2).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.generate_org import generate  # noqa: E402

RUNS = int(os.environ.get("RUNS", "1"))


def manage(*args: str, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> None:
    out = ROOT / "bench" / "out"
    units, people = generate(3000, 45000, out)
    env = {**os.environ, "DEBUG": "1"}
    firsts, repeats = [], []
    for run in range(RUNS):
        if "DATABASE_URL" not in os.environ:
            db = out / f"bench-{run}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            env["DATABASE_URL"] = f"sqlite:///{db}"
        elif run:
            raise SystemExit("with DATABASE_URL set, use RUNS=1 and a fresh database per run")
        manage("migrate", "--no-input", "-v0", env=env)
        firsts.append(manage("import_org", str(units), "--people", str(people), env=env))
        repeats.append(manage("import_org", str(units), "--people", str(people), env=env))
        print(f"run {run + 1}: first import {firsts[-1]:.1f} s, re-import {repeats[-1]:.1f} s")
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(
        f"{engine}: 3,000 units + 45,000 people: first import median {statistics.median(firsts):.1f} s, "
        f"re-import median {statistics.median(repeats):.1f} s (target ≤ 120 s)"
    )


if __name__ == "__main__":
    main()
