"""Måling at municipal scale: the HU page (heatmap of the areas, trend over 8 rounds) for 45,000
respondents × 15 items × 8 rounds.

    .venv/bin/python bench/pulse_heatmap.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_pulse .venv/bin/python bench/pulse_heatmap.py

Target (issue 8): at most 10 queries and p95 ≤ 300 ms on PostgreSQL. The answers are generated
per unit and stored with the same code that closing a survey uses (`store_aggregates`); the page is requested
through Django's test client as an HR user, 30 times.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{OUT / 'pulse-scale.sqlite3'}"
os.environ.update(
    DEBUG="1", DJANGO_SETTINGS_MODULE="handlekraft.settings", ALLOWED_HOSTS="testserver,127.0.0.1"
)

import django  # noqa: E402

django.setup()

from bench.generate_org import generate  # noqa: E402

ROUNDS = 8
ITEMS = 15
REQUESTS = 30


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def load() -> int:
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    from handlekraft.organisation.models import Membership, Unit
    from handlekraft.pulse.models import Item, Survey
    from handlekraft.pulse.services import store_aggregates

    rng = random.Random(8)
    root = Unit.objects.get(parent__isnull=True)
    people = dict(Membership.objects.values_list("unit_id").annotate(n=Count("user_id", distinct=True)))
    items = list(Item.objects.all()[:ITEMS])
    previous = None
    for r in range(ROUNDS):
        year, quarter = 2025 + r // 4, r % 4 + 1
        opens = date(year, 3 * quarter - 2, 1)
        survey = Survey.objects.create(
            title="Puls på aktørskab",
            unit=root,
            opens=opens,
            closes=opens.replace(day=20),
            round=f"{year}Q{quarter}",
            previous=previous,
            closed_at=timezone.now(),
        )
        survey.items.set(items)
        respondents, counts = {}, {}
        for unit_id, n in people.items():
            answered = sum(1 for _ in range(n) if rng.random() < 0.8)
            if not answered:
                continue
            respondents[unit_id] = answered
            for item in items:
                distribution = [0] * 6
                for _ in range(answered):
                    distribution[min(4, max(0, round(rng.gauss(2.6, 1))))] += 1
                counts[(unit_id, item.pk)] = distribution
        store_aggregates(survey, items, respondents, counts)
        previous = survey
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return previous.pk


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if os.environ["DATABASE_URL"].startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / 'pulse-scale.sqlite3'}{suffix}").unlink(missing_ok=True)
    units_csv, people_csv = generate(3000, 45000, OUT / "pulse")
    manage("migrate", "--no-input", "-v0")
    manage("import_org", str(units_csv), "--people", str(people_csv))
    started = time.perf_counter()
    survey_id = load()
    loaded = time.perf_counter() - started

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from handlekraft.organisation.models import Membership, Role, Unit
    from handlekraft.pulse.models import Aggregate, Rollup, Survey

    hr = Membership.objects.filter(role=Role.HR).select_related("user").first()
    if hr is None:
        from handlekraft.organisation.models import User

        user = User.objects.create_user("hr-bench@eksempel.dk", name="HR")
        Membership.objects.create(user=user, unit=Unit.objects.get(parent__isnull=True), role=Role.HR)
    else:
        user = hr.user
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    survey = Survey.objects.get(pk=survey_id)
    url = f"/maaling/{survey.pk}/?enhed={survey.unit.external_id}"
    timings, queries = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        queries.append(len(captured))
    timings.sort()
    engine = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(
        f"{engine}: {Aggregate.objects.count():,} aggregate rows and {Rollup.objects.count():,} roll-ups "
        f"({ROUNDS} rounds) stored in {loaded:.0f} s"
    )
    print(
        f"{engine}: HU page (heatmap + trend): p50 {statistics.median(timings):.0f} ms, "
        f"p95 {timings[int(0.95 * len(timings)) - 1]:.0f} ms, queries {max(queries)} (targets ≤ 300 ms, ≤ 10)"
    )


if __name__ == "__main__":
    main()
