"""The HU page "Status på aktørskab" at municipal scale: 3,000 units, 45,000 people, 100,000 stories,
50,000 recognitions, 20,000 decision areas, 10,000 questions, 5,000 experiments, 3,000 proposals and
2,000 meetings.

    .venv/bin/python bench/plan_status.py                      # SQLite, fresh file under bench/out
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_plan .venv/bin/python bench/plan_status.py

Measures (issue 9): the queries and time of the page (p50/p95 over 100 requests as an HU member), which
reads the stored figures, and the time of the nightly computation that stores them.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{OUT / 'plan-scale.sqlite3'}"

from bench.generate_org import generate  # noqa: E402
from bench.stories_search import load_stories, manage, percentile  # noqa: E402 (sets up Django)

BATCH = 5_000


def load_the_rest(rng: random.Random) -> None:
    from django.utils import timezone

    from handlekraft.dialogue.models import Meeting
    from handlekraft.experiments.models import Experiment, Proposal
    from handlekraft.mandates.models import DecisionArea, MandateQuestion
    from handlekraft.organisation.models import Membership, Unit
    from handlekraft.stories.models import Recognition, Story

    units = list(Unit.objects.all())
    people = list(Membership.objects.values_list("user_id", flat=True)[:20_000])
    story_ids = list(Story.objects.values_list("pk", flat=True)[:50_000])
    seen = set()
    recognitions = []
    for story_id in story_ids:
        user_id = rng.choice(people)
        if (story_id, user_id) not in seen:
            seen.add((story_id, user_id))
            recognitions.append(Recognition(story_id=story_id, user_id=user_id))
    Recognition.objects.bulk_create(recognitions, batch_size=BATCH)
    DecisionArea.objects.bulk_create(
        (
            DecisionArea(
                unit=rng.choice(units), title=f"Område {n}", title_key=f"omraade {n}", level=rng.randint(1, 7)
            )
            for n in range(20_000)
        ),
        batch_size=BATCH,
    )
    MandateQuestion.objects.bulk_create(
        (
            MandateQuestion(
                asker_id=rng.choice(people),
                unit=rng.choice(units),
                text=f"Må vi selv {n}?",
                status=MandateQuestion.Status.ANSWERED,
                already_allowed=rng.random() < 0.3,
            )
            for n in range(10_000)
        ),
        batch_size=BATCH,
    )
    today = timezone.localdate()
    Experiment.objects.bulk_create(
        (
            Experiment(
                unit=rng.choice(units),
                title=f"Prøvehandling {n}",
                hypothesis="h",
                action="a",
                measure="m",
                success="s",
                start=today - timedelta(days=60),
                end=today + timedelta(days=30),
                status=rng.choice(Experiment.Status.values),
            )
            for n in range(5_000)
        ),
        batch_size=BATCH,
    )
    Proposal.objects.bulk_create(
        (
            Proposal(
                unit=rng.choice(units),
                title=f"Forslag {n}",
                problem="p",
                proposal="f",
                rule_owner=Proposal.RuleOwner.values[0],
                proposer_id=rng.choice(people),
                hours_per_month=rng.randint(0, 20),
                status=rng.choice(Proposal.Status.values),
                first_response_at=timezone.now() if rng.random() < 0.7 else None,
            )
            for n in range(3_000)
        ),
        batch_size=BATCH,
    )
    Meeting.objects.bulk_create(
        (
            Meeting(
                title=f"Møde {n}", unit=rng.choice(units), join_code=f"B{n:07d}", status=Meeting.Status.CLOSED
            )
            for n in range(2_000)
        ),
        batch_size=BATCH,
    )


def main() -> None:
    rng = random.Random(9)
    OUT.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("REUSE"):  # REUSE=1: measure again on the data a previous run loaded
        if os.environ["DATABASE_URL"].startswith("sqlite"):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{OUT / 'plan-scale.sqlite3'}{suffix}").unlink(missing_ok=True)
        units_csv, people_csv = generate(3000, 45_000, OUT / "plan-scale")
        manage("migrate", "--no-input", "-v0")
        manage("import_org", str(units_csv), "--people", str(people_csv))
        load_stories(rng)
        load_the_rest(rng)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from handlekraft.organisation.models import Committee, CommitteeMember, Unit, User
    from handlekraft.plan import status

    start = time.perf_counter()
    status.compute()
    compute_seconds = time.perf_counter() - start

    root = Unit.objects.get(parent__isnull=True)
    hu, _ = Committee.objects.get_or_create(name="HU", defaults={"kind": Committee.Kind.HU, "unit": root})
    member = User.objects.filter(is_active=True).first()
    CommitteeMember.objects.get_or_create(
        committee=hu, user=member, defaults={"side": "medarbejdere", "position": "medlem"}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/plan/status/")
    timings, queries = [], []
    for _ in range(100):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/plan/status/")
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        queries.append(len(captured))
    engine = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(f"{engine}: nightly computation of the status figures: {compute_seconds:.1f} s")
    print(
        f"{engine}: HU page over 100 requests: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, queries {max(queries)} (target ≤ 10, p95 ≤ 150 ms)"
    )


if __name__ == "__main__":
    main()
