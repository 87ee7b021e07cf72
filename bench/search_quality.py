"""Scores "Må jeg selv?" against a plain stemmed BM25 baseline (rank-bm25), side by side in one run.

    .venv/bin/python bench/search_quality.py

Builds the demo municipality in a fresh SQLite file under bench/out, then asks every question of
tests/mandates/search_cases.py (CASES, then the HELD_OUT set) for its unit. Both rankers see the same
candidates: the decision areas in force for that unit. The baseline stems title, description,
keywords, examples and limits with Snowball's Danish stemmer and ranks with BM25Okapi.
"""

from __future__ import annotations

import os
import sys
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "bench" / "out" / "search-quality.sqlite3"
os.environ.update(DEBUG="1", DATABASE_URL=f"sqlite:///{DB}", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from rank_bm25 import BM25Okapi  # noqa: E402

from handlekraft.lib.text import stem, words  # noqa: E402
from handlekraft.mandates.models import DecisionArea  # noqa: E402
from handlekraft.mandates.search import can_i_decide  # noqa: E402
from handlekraft.organisation.models import Unit  # noqa: E402
from tests.mandates.search_cases import CASES, HELD_OUT  # noqa: E402


def baseline(unit: Unit, question: str) -> list[str]:
    areas = DecisionArea.objects.for_unit(unit)
    corpus = [
        [stem(w) for w in words(" ".join([a.title, a.description, a.keywords, a.examples, a.limits]))]
        for a in areas
    ]
    scores = BM25Okapi(corpus).get_scores([stem(w) for w in words(question)])
    ranked = sorted(zip(scores, (a.title for a in areas), strict=True), key=lambda p: -p[0])
    return [title for score, title in ranked if score > 0]


def ours(unit: Unit, question: str) -> list[str]:
    return [r.area.title for r in can_i_decide(unit, question).results]


def score(ranker, cases) -> tuple[float, float, float]:
    r1 = r3 = mrr = 0.0
    for unit_id, question, expected in cases:
        titles = ranker(Unit.objects.get(external_id=unit_id), question)
        if expected in titles:
            rank = titles.index(expected) + 1
            r1 += rank == 1
            r3 += rank <= 3
            mrr += 1 / rank
    n = len(cases)
    return r1 / n, r3 / n, mrr / n


def main() -> None:
    DB.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=StringIO())
    print(f"{'set':<10} {'ranker':<22} {'recall@1':>9} {'recall@3':>9} {'MRR':>6}  n")
    for name, cases in (("tuned", CASES), ("held-out", HELD_OUT)):
        for label, ranker in (("BM25 baseline", baseline), ("handlekraft", ours)):
            r1, r3, mrr = score(ranker, cases)
            print(f"{name:<10} {label:<22} {r1:>9.3f} {r3:>9.3f} {mrr:>6.3f}  {len(cases)}")


if __name__ == "__main__":
    main()
