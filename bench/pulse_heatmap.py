"""Måling at municipal scale: the results pages for 45,000 respondents × 15 items, after 1, 8 and 20
rounds: the HU page (the whole municipality, the areas' heatmap, the trend), an area's page (its units'
heatmap) and a team's page, and the API's result for a team.

    .venv/bin/python bench/pulse_heatmap.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_pulse .venv/bin/python bench/pulse_heatmap.py

Target (issue 18): every page p95 ≤ 150 ms and ≤ 10 queries, flat from 1 to 20 rounds. The answers
are generated per unit and stored with the same code that closing a survey uses (`store_aggregates`);
each page is requested through Django's test client as an HR user, 30 times.
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
    DEBUG="0",  # as in production: no query log growing in the background
    SECRET_KEY="bench-only-" + "k" * 40,
    DJANGO_SETTINGS_MODULE="handlekraft.settings",
    ALLOWED_HOSTS="testserver,127.0.0.1",
)

import django  # noqa: E402

django.setup()

from bench.generate_org import generate  # noqa: E402

ROUNDS = 20
MEASURED_AFTER = (1, 8, 20)
ITEMS = 15
REQUESTS = 30


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def load(rounds: int = ROUNDS, measured_after: tuple[int, ...] = MEASURED_AFTER):
    """Closes the rounds one by one, yielding (round number, survey id) after those in `measured_after`."""
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
    for r in range(rounds):
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
        if r + 1 in measured_after:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            yield r + 1, survey.pk


def measure(client, url: str) -> tuple[float, float, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], []
    client.get(url, secure=True)  # the first request of a page fills the caches (settings, templates)
    for _ in range(REQUESTS):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, secure=True)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(captured))
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * len(timings)) - 1], max(queries)


def signed_in_hr():
    from django.test import Client

    from handlekraft.organisation.models import Membership, Role, Unit, User

    hr = Membership.objects.filter(role=Role.HR).select_related("user").first()
    if hr is None:
        user = User.objects.create_user("hr-bench@eksempel.dk", name="HR")
        Membership.objects.create(user=user, unit=Unit.objects.get(parent__isnull=True), role=Role.HR)
    else:
        user = hr.user
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if os.environ["DATABASE_URL"].startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / 'pulse-scale.sqlite3'}{suffix}").unlink(missing_ok=True)
    units_csv, people_csv = generate(3000, 45000, OUT / "pulse")
    manage("migrate", "--no-input", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    manage("import_org", str(units_csv), "--people", str(people_csv))

    from handlekraft.organisation.models import Unit

    root = Unit.objects.get(parent__isnull=True)
    area = Unit.objects.filter(parent=root).order_by("pk").first()
    team = (
        Unit.objects.filter(path__startswith=area.path, depth__gt=area.depth).order_by("-depth", "pk").first()
    )
    pages = {
        "HU page (municipality, heatmap, trend)": "/maaling/{pk}/?enhed=" + root.external_id,
        "an area's page (heatmap of its units)": "/maaling/{pk}/?enhed=" + area.external_id,
        "a team's page": "/maaling/{pk}/?enhed=" + team.external_id,
        "API: a team's result": "/api/v1/pulse/surveys/{pk}/results?unit=" + team.external_id,
    }
    engine = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    client = signed_in_hr()
    print(f"| rounds | page | {engine} p50 | p95 | queries |")
    print("|---|---|---|---|---|")
    for rounds, survey_id in load():
        for name, url in pages.items():
            p50, p95, queries = measure(client, url.format(pk=survey_id))
            print(f"| {rounds} | {name} | {p50:.0f} ms | {p95:.0f} ms | {queries} |", flush=True)
    print("(targets: p95 ≤ 150 ms and ≤ 10 queries, flat from 1 to 20 rounds)")


if __name__ == "__main__":
    main()
