"""Historier at municipal scale: 100,000 stories, Danish full-text search and the feed.

    .venv/bin/python bench/stories_search.py                      # SQLite, fresh file under bench/out
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hk_stories .venv/bin/python bench/stories_search.py

Measures (target from issue 5): search p95 ≤ 100 ms at 100,000 stories, through the feed's own code
(visibility, filters, ranking, the first page of 20 and the count), for 300 searches from random people;
also the feed without a search, and the number of queries a search costs.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{OUT / 'stories-scale.sqlite3'}"
os.environ.update(DEBUG="1", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

from bench.generate_org import generate  # noqa: E402

STORY_COUNT, SEARCHES, BATCH = 100_000, 300, 5_000
QUERIES = [
    "vikar",
    "vikarer ved sygdom",
    "borger",
    "nøglen",
    "tidsbestilling",
    "udflugt med beboerne",
    "fejl vi lærte af",
    "sms til unge",
    "legepladsen",
    "ekstra samtale med familien",
    "vagtplan",
    "hjemmebesøg",
    "indkøb af materialer",
    "tavlemøde",
    "pårørende",
    "rehabilitering køkken",
    "afløser",
    "bevilling samme dag",
    "skole-hjem-samtale",
    "projektuge",
]


def manage(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def sentences():
    """Sentences from the demo stories: real Danish, mixed at random into new stories."""
    from handlekraft.stories.demo import STORIES

    titles = [s.title for s in STORIES]
    parts = [
        p.strip() + "."
        for s in STORIES
        for p in f"{s.body} {s.meaning} {s.learning}".split(". ")
        if p.strip()
    ]
    return titles, parts


def load_stories(rng: random.Random) -> float:
    from django.db import connection
    from django.utils import timezone

    from handlekraft.lib.fulltext import index_text
    from handlekraft.organisation.models import Membership, Unit
    from handlekraft.stories.models import Story

    titles, parts = sentences()
    indexed = {p: index_text(p) for p in [*titles, *parts]}
    units = list(Unit.objects.filter(depth__gte=2))
    authors = list(Membership.objects.values_list("user_id", flat=True)[:2000])
    kinds = [Story.Kind.STORY] * 6 + [Story.Kind.CITIZEN] * 2 + [Story.Kind.LEARNING] * 2
    now = timezone.now()
    start = time.perf_counter()
    for offset in range(0, STORY_COUNT, BATCH):
        batch = []
        for n in range(offset, min(offset + BATCH, STORY_COUNT)):
            unit = rng.choice(units)
            title = rng.choice(titles)
            body = rng.sample(parts, 3)
            kind = rng.choice(kinds)
            batch.append(
                Story(
                    kind=kind,
                    title=f"{title} ({n})",
                    body=" ".join(body[:2]),
                    learning=body[2] if kind == Story.Kind.LEARNING else "",
                    unit=unit,
                    area_id=unit.area_id,
                    author_id=rng.choice(authors),
                    status=Story.Status.PUBLISHED,
                    visibility=Story.Visibility.AREA if rng.random() < 0.1 else Story.Visibility.ALL,
                    published_at=now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60)),
                    search_text=" ".join(
                        dict.fromkeys(" ".join([indexed[title], *(indexed[p] for p in body)]).split())
                    ),
                )
            )
        Story.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(q * len(ordered)) - 1)]


def main() -> None:
    rng = random.Random(5)
    OUT.mkdir(parents=True, exist_ok=True)
    if os.environ["DATABASE_URL"].startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / 'stories-scale.sqlite3'}{suffix}").unlink(missing_ok=True)
    units_csv, people_csv = generate(3000, 3000, OUT / "scale")
    manage("migrate", "--no-input", "-v0")
    manage("import_org", str(units_csv), "--people", str(people_csv))
    load_seconds = load_stories(rng)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from handlekraft.lib.paging import CappedPaginator
    from handlekraft.organisation.models import User
    from handlekraft.stories.views.stories import PER_PAGE, filter_stories, stories_for_cards

    people = list(User.objects.filter(membership__isnull=False).distinct()[:500])

    def feed(user, query: str) -> tuple[float, int, int]:
        user = User.objects.get(pk=user.pk)
        _ = user.memberships
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            stories, matches = filter_stories(stories_for_cards().visible_to(user), {"q": query}, user)
            page = CappedPaginator(stories, PER_PAGE, known_count=matches).get_page(1)
            shown = list(page.object_list)
            count = page.paginator.count
            elapsed = (time.perf_counter() - start) * 1000
        assert len(shown) <= PER_PAGE
        return elapsed, len(captured), count

    from handlekraft.lib.fulltext import search as fulltext
    from handlekraft.stories.models import Story

    def floor(query: str) -> float:
        """The database's own ranked full-text search: the first 20 of all stories by rank, nothing else."""
        start = time.perf_counter()
        list(fulltext(Story.objects.all(), query).order_by("-search_rank").values_list("pk", flat=True)[:20])
        return (time.perf_counter() - start) * 1000

    asked = [(rng.choice(people), rng.choice(QUERIES)) for _ in range(SEARCHES)]
    for _person, query in asked[:20]:  # warm the caches for both, so neither is timed cold
        floor(query)
    search, floors = [], []
    for person, query in asked:  # in turns, so both see the same state of the caches
        search.append(feed(person, query))
        floors.append(floor(query))
    newest = [feed(rng.choice(people), "") for _ in range(100)]
    engine = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    timings = [t for t, _q, _c in search]
    print(f"{engine}: {STORY_COUNT:,} stories loaded in {load_seconds:.0f} s")
    print(
        f"{engine}: search over {SEARCHES} queries: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max queries {max(q for _t, q, _c in search)}, "
        f"median matches {statistics.median(c for _t, _q, c in search):.0f} (target p95 ≤ 100 ms)"
    )
    print(
        f"{engine}: the raw ranked full-text floor on the same {SEARCHES} queries: p50 {statistics.median(floors):.1f} ms, "
        f"p95 {percentile(floors, 0.95):.1f} ms; the feed's search p95 is {percentile(timings, 0.95) / percentile(floors, 0.95):.2f}× "
        "the floor (target ≤ 1.3×)"
    )
    timings = [t for t, _q, _c in newest]
    print(
        f"{engine}: feed without search (newest 20 + count), 100 people: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
