"""Two general signals for the theme engine, measured on both splits (issue 19; neither is adopted):

- a general Danish thesaurus: Debian's `mythes-da` (LibreOffice's Danish thesaurus, Foreningen for frit
  tilgængelige sprogværktøjer, LGPL-2.1/GPL-2/MPL-1.1). Each word (and a compound's last part) also
  gets its synonyms and its broader terms ("knivoverfald" → "overfald") as features, at weight W;
- the number of themes chosen from the data: Ward's tree cut at every k from 0.6 to 1.6 × the engine's
  √n-based count, keeping the cut with the best Calinski–Harabasz index (silhouette was also tried).

    apt-get install -y mythes-da
    .venv/bin/python bench/synthesis_signals_check.py

Figures in bench/README.md ("General signals").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from scipy.cluster.hierarchy import fcluster, linkage  # noqa: E402
from sklearn.metrics import (  # noqa: E402  # noqa: E402
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    silhouette_score,
)
from synthesis_quality import GOLD, TEST, engine_labels, load  # noqa: E402

import handlekraft.synthesis.embedders as embedders  # noqa: E402
from handlekraft.lib.text import split_compound, stem, words  # noqa: E402
from handlekraft.synthesis.engine import theme_count  # noqa: E402

THESAURUS = Path("/usr/share/mythes/th_da_DK.dat")


def thesaurus_links() -> dict[str, set[str]]:
    """stem → stems of its synonyms and broader terms (mythes format: "word|n", then n lines "|a|b …",
    a line ending "(underbegreb)" naming a narrower term of the word)."""
    links: dict[str, set[str]] = defaultdict(set)
    with THESAURUS.open(encoding="utf-8", errors="replace") as f:
        f.readline()  # the encoding
        head, left = "", 0
        for line in f:
            line = line.rstrip("\n")
            if left == 0:
                head, count = line.rsplit("|", 1)
                left = int(count)
                continue
            left -= 1
            items = [x for x in line.split("|") if x]
            narrower = any("(underbegreb)" in x for x in items)
            if " " in head:
                continue
            h = stem(head.lower())
            for item in (x.split(" (")[0].strip() for x in items):
                if " " not in item:
                    links[stem(item.lower())].add(h)
                    if not narrower:
                        links[h].add(stem(item.lower()))
    return links


def with_thesaurus(weight: float):
    links, plain = thesaurus_links(), embedders.features

    def features(text, vocab):
        result = plain(text, vocab)
        for word in words(text):
            s = stem(word)
            parts = split_compound(s, vocab) if len(s) >= 6 else []
            for term in [s, *parts[-1:]]:
                for linked in links.get(term, ()):
                    if linked != term:
                        result.weights["~" + linked] += weight
        return result

    return features


def chosen_k_labels(notes, criterion: str) -> list[int]:
    vectors = embedders.WordEmbedder().embed([n.text for n in notes])
    tree = linkage(vectors, "ward")
    middle = theme_count(len(notes), 0.5)
    best: tuple[float, list[int]] | None = None
    for k in range(max(2, int(middle * 0.6)), int(middle * 1.6) + 1):
        labels = list(fcluster(tree, k, "maxclust"))
        score = (
            calinski_harabasz_score(vectors, labels)
            if criterion == "ch"
            else silhouette_score(vectors, labels, metric="cosine")
        )
        if best is None or score > best[0]:
            best = (score, labels)
    assert best is not None
    return best[1]


def row(split: str, name: str, folder: Path, labels_of) -> None:
    figures = []
    for path in sorted(folder.glob("*.csv")):
        notes, gold = load(path)
        labels = labels_of(notes)
        figures.append((adjusted_rand_score(gold, labels), adjusted_mutual_info_score(gold, labels)))
    cells = " | ".join(f"{a:.2f} / {m:.2f}" for a, m in figures)
    print(f"| {split} | {name} | {cells} | {np.mean([a for a, _ in figures]):.2f} |")


def main() -> None:
    print("| split | method | ARI / AMI per set (alphabetical) | mean ARI |")
    print("|---|---|---|---|")
    plain = embedders.features
    for split, folder in [("development", GOLD), ("test", TEST)]:
        row(split, "engine today", folder, lambda notes: engine_labels(notes, 0.5))
        if THESAURUS.exists():
            for weight in (0.3, 0.6, 1.0):
                embedders.features = with_thesaurus(weight)
                try:
                    row(split, f"+ thesaurus × {weight}", folder, lambda notes: engine_labels(notes, 0.5))
                finally:
                    embedders.features = plain
        for criterion in ("silhouette", "ch"):
            row(split, f"k by {criterion}", folder, lambda notes, c=criterion: chosen_k_labels(notes, c))


if __name__ == "__main__":
    main()
