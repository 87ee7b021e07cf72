"""Råderum at municipal scale: 3,000 units and 20,000 decision areas.

    .venv/bin/python bench/mandates_scale.py                      # SQLite, fresh file under bench/out
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_scale .venv/bin/python bench/mandates_scale.py

Measures (targets from issue 3): `import_mandates` of 20,000 areas ≤ 2 minutes; "Må jeg selv?" p95 ≤ 50 ms
and ≤ 10 queries, over 300 searches from random teams with the questions of tests/mandates/data/questions.csv.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{OUT / 'mandates-scale.sqlite3'}"
os.environ.update(DEBUG="1", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

from bench.generate_org import generate  # noqa: E402
from handlekraft.mandates.demo import AREAS  # noqa: E402

AREA_COUNT, SEARCHES = 20_000, 300
EXTRA_WORDS = [
    "borgere",
    "kolleger",
    "weekend",
    "nat",
    "dag",
    "hjem",
    "skole",
    "team",
    "budget",
    "plan",
    "aftale",
]


def write_mandates(units_csv: Path, path: Path, rng: random.Random) -> None:
    with units_csv.open(encoding="utf-8") as f:
        units = [row["external_id"] for row in csv.DictReader(f)]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(
            [
                "unit_external_id",
                "title",
                "description",
                "level",
                "limits",
                "inform",
                "examples",
                "keywords",
                "applies_to_subunits",
            ]
        )
        used: set[tuple[str, str]] = set()
        i = 0
        while len(used) < AREA_COUNT:
            i += 1
            _u, title, _level, desc, limits, _a, _p, inform, _w, examples, keywords, _s = rng.choice(AREAS)
            unit = rng.choice(units)
            # Most areas are local variants with their own title; some replace an inherited one.
            title = title if rng.random() < 0.3 else f"{title} ({rng.choice(EXTRA_WORDS)} {i})"
            if (unit, title) in used:
                continue
            used.add((unit, title))
            writer.writerow(
                [
                    unit,
                    title,
                    desc,
                    rng.randint(1, 7),
                    limits,
                    inform,
                    examples,
                    keywords,
                    rng.choice(["ja", "nej"]),
                ]
            )


def manage(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    rng = random.Random(7)
    OUT.mkdir(parents=True, exist_ok=True)
    if os.environ["DATABASE_URL"].startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / 'mandates-scale.sqlite3'}{suffix}").unlink(missing_ok=True)
    units_csv, people_csv = generate(3000, 3000, OUT / "scale")
    mandates_csv = OUT / "scale" / "MANDATES.csv"
    write_mandates(units_csv, mandates_csv, rng)
    manage("migrate", "--no-input", "-v0")
    manage("import_org", str(units_csv), "--people", str(people_csv))
    import_seconds = manage("import_mandates", str(mandates_csv))
    reimport_seconds = manage("import_mandates", str(mandates_csv))

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from handlekraft.mandates.search import can_i_decide
    from handlekraft.organisation.models import Unit
    from tests.mandates.quality import load

    questions = [q.text for q in load()]

    teams = list(Unit.objects.filter(kind="team"))
    timings, queries, in_force = [], [], []
    for _ in range(SEARCHES):
        unit, question = rng.choice(teams), rng.choice(questions)
        unit = Unit.objects.get(pk=unit.pk)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            answer = can_i_decide(unit, question)
            timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
        in_force.append(len(answer.results))
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(0.95 * len(timings)) - 1]
    engine = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(
        f"{engine}: import of {AREA_COUNT:,} areas {import_seconds:.1f} s, re-import {reimport_seconds:.1f} s (target ≤ 120 s)"
    )
    print(
        f"{engine}: search over {SEARCHES} questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max queries {max(queries)} (targets ≤ 50 ms, ≤ 10)"
    )


if __name__ == "__main__":
    main()
