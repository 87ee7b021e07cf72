"""How well the theme engine groups Danish notes, against human groupings (bench/gold/*.csv, and the
test split in bench/gold/test/*.csv, which tuning never looks at).

    .venv/bin/python bench/synthesis_quality.py

Each gold set is `id,text,group`: notes written the way staff write on a phone in a dialogue meeting,
grouped by hand. Reports the adjusted Rand index (ARI) and adjusted mutual information (AMI) of
handlekraft's engine and of three baselines, all asked for the same number of themes as the engine:
- random: notes assigned at random (seeded);
- keyword: each note goes to the most frequent word (in the whole set) that it contains;
- raw TF-IDF: scikit-learn's TfidfVectorizer on raw words and Ward clustering.
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score  # noqa: E402

from handlekraft.lib.text import words  # noqa: E402
from handlekraft.synthesis.engine import Note, synthesize, theme_count  # noqa: E402

GOLD = ROOT / "bench" / "gold"
TEST = GOLD / "test"  # never tuned on: bench/gold/test/README.md


def load(path: Path) -> tuple[list[Note], list[str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [Note(id=r["id"], text=r["text"]) for r in rows], [r["group"] for r in rows]


def engine_labels(notes: list[Note], granularity: float) -> list[int]:
    themes = synthesize(notes, granularity)
    by_id = {nid: n for n, theme in enumerate(themes) for nid in theme.note_ids}
    return [by_id[note.id] for note in notes]


def minibatch_labels(notes: list[Note], granularity: float) -> list[int]:
    """The engine as it runs above AGGLOMERATIVE_UP_TO notes a column (mini-batch k-means instead of
    Ward), on the same notes and the same number of themes: the path is chosen by size alone.

    (Repeating a set 70 times to pass 4,000 notes measures nothing: identical notes always meet, and
    the engine then asks for 70 themes.)"""
    from handlekraft.synthesis import engine

    kept = engine.AGGLOMERATIVE_UP_TO
    engine.AGGLOMERATIVE_UP_TO = 0
    try:
        return engine_labels(notes, granularity)
    finally:
        engine.AGGLOMERATIVE_UP_TO = kept


def random_labels(notes: list[Note], k: int) -> list[int]:
    rng = random.Random(0)
    return [rng.randrange(k) for _ in notes]


def keyword_labels(notes: list[Note]) -> list[str]:
    counts = Counter(w for n in notes for w in set(words(n.text)))
    return [max(set(words(n.text)) or {""}, key=lambda w: (counts[w], w)) for n in notes]


def tfidf_labels(notes: list[Note], k: int) -> list[int]:
    matrix = TfidfVectorizer().fit_transform([n.text for n in notes]).toarray()
    return list(AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(matrix))


def main() -> None:
    """Every method on every set, the development split (tuned on) and the test split (never) apart,
    with each split's mean per method."""
    print("| split | gold set | notes | human groups | method | themes | ARI | AMI |")
    print("|---|---|---|---|---|---|---|---|")
    for split, folder in [("development", GOLD), ("test", TEST)]:
        means: dict[str, list[tuple[float, float]]] = {}
        for path in sorted(folder.glob("*.csv")):
            notes, gold = load(path)
            k = theme_count(len(notes), 0.5)
            rows = [
                ("random", random_labels(notes, k)),
                ("keyword", keyword_labels(notes)),
                ("raw TF-IDF + Ward", tfidf_labels(notes, k)),
                ("handlekraft (granularity 0.5)", engine_labels(notes, 0.5)),
                ("handlekraft, mini-batch k-means path", minibatch_labels(notes, 0.5)),
            ]
            for name, labels in rows:
                ari, ami = adjusted_rand_score(gold, labels), adjusted_mutual_info_score(gold, labels)
                means.setdefault(name, []).append((ari, ami))
                print(
                    f"| {split} | {path.stem} | {len(notes)} | {len(set(gold))} | {name} | {len(set(labels))} "
                    f"| {ari:.2f} | {ami:.2f} |"
                )
        for name, figures in means.items():
            mean_ari = sum(a for a, _ in figures) / len(figures)
            lowest_ami = min(m for _, m in figures)
            print(f"| {split} | **mean** | | | {name} | | {mean_ari:.2f} | lowest {lowest_ami:.2f} |")


if __name__ == "__main__":
    main()
