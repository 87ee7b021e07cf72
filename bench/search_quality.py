"""Scores "Må jeg selv?" on tests/mandates/data/questions.csv, both parts, beside a plain BM25 baseline.

    .venv/bin/python bench/search_quality.py           # figures
    .venv/bin/python bench/search_quality.py --dev -v  # and the development part's mistakes (never the test's)
    .venv/bin/python bench/search_quality.py --asked   # after leaders made the dev questions searchable

With --asked, every development question a leader would answer by pointing to an area (answerable, or a
legal frame with its area) is first added to that area's questions ("Gør spørgsmålet søgbart"), as the
answering flow does; then both parts are scored. The development part's figures then say little (its
own questions are in the index); the test part's say what a municipality gains as its leaders answer.

Builds the demo municipality in a fresh SQLite file under bench/out. Tune only on the development part;
the test part's figures go in bench/README.md (see tests/mandates/data/README.md). The baseline
(`rank-bm25`'s BM25Okapi over title, description, keywords, examples and limits, Snowball's Danish stemmer)
ranks the same candidates; it has no notion of a clear answer, so only its recall is shown.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "bench" / "out" / "search-quality.sqlite3"
os.environ.update(DEBUG="1", DATABASE_URL=f"sqlite:///{DB}", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

from rank_bm25 import BM25Okapi  # noqa: E402

from bench.sites import demo_site  # noqa: E402
from handlekraft.lib.text import stem, words  # noqa: E402
from handlekraft.mandates.models import DecisionArea  # noqa: E402
from handlekraft.organisation.models import Unit  # noqa: E402
from tests.mandates.quality import evaluate, load  # noqa: E402


def baseline_recall(questions) -> tuple[float, float]:
    r1 = r3 = 0
    answerable = [q for q in questions if q.kind == "answerable"]
    for q in answerable:
        areas = DecisionArea.objects.for_unit(Unit.objects.get(external_id=q.unit))
        corpus = [
            [stem(w) for w in words(" ".join([a.title, a.description, a.keywords, a.examples, a.limits]))]
            for a in areas
        ]
        scores = BM25Okapi(corpus).get_scores([stem(w) for w in words(q.text)])
        ranked = [
            t
            for s, t in sorted(zip(scores, (a.title for a in areas), strict=True), key=lambda p: -p[0])
            if s > 0
        ]
        r1 += ranked[:1] == [q.expected]
        r3 += q.expected in ranked[:3]
    return r1 / len(answerable), r3 / len(answerable)


def make_dev_questions_searchable() -> int:
    added = 0
    for q in load("dev"):
        if not q.expected:
            continue
        area = next(
            a
            for a in DecisionArea.objects.for_unit(Unit.objects.get(external_id=q.unit))
            if a.title == q.expected
        )
        if area.add_asked(q.text):
            area.save()
            added += 1
    return added


def main() -> None:
    demo_site(DB)
    if "--asked" in sys.argv:
        print(f"{make_dev_questions_searchable()} development questions made searchable")
    parts = ["dev"] if "--dev" in sys.argv else ["dev", "test"]
    print(
        "part  ranker         r@1    r@3    coverage  precision  outside clear (yes)  sensitive ok (wrong yes)  ms/q"
    )
    for part in parts:
        questions = load(part)
        b1, b3 = baseline_recall(questions)
        print(f"{part:5} BM25 baseline  {b1:.3f}  {b3:.3f}")
        start = time.perf_counter()
        f = evaluate(questions)
        ms = (time.perf_counter() - start) * 1000 / len(questions)
        print(
            f"{part:5} handlekraft    {f.recall1:.3f}  {f.recall3:.3f}  {f.coverage:.3f}     {f.precision:.3f}      "
            f"{f.outside_clear}/{len(f.outside)} ({f.outside_clear_yes})              "
            f"{f.sensitive_right:.3f} ({f.sensitive_wrong_yes})               {ms:.1f}"
        )
        if part == "dev" and "-v" in sys.argv:
            print("\n".join(f.mistakes()))


if __name__ == "__main__":
    main()
