"""Does a bundled sentence-embedding model help the theme engine on Danish notes?

WordLlama (PyPI `wordllama`, MIT) ships its 256-dimensional "l2_supercat" model inside the wheel (16 MB).
It is not a dependency of handlekraft; measure it in a separate environment:

    python3 -m venv /tmp/wl && /tmp/wl/bin/pip install wordllama==0.4.0.post1 scikit-learn==1.9.1 \
        snowballstemmer==3.1.1
    /tmp/wl/bin/python bench/synthesis_model_check.py

The model is loaded from the installed package only (`disable_download=True`): its loader otherwise
looks for the tokenizer in the wrong folder and fetches it from Hugging Face.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import wordllama  # noqa: E402
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score  # noqa: E402
from sklearn.preprocessing import normalize  # noqa: E402
from wordllama import WordLlama  # noqa: E402

from bench.synthesis_quality import GOLD, load  # noqa: E402
from handlekraft.synthesis.embedders import WordEmbedder  # noqa: E402
from handlekraft.synthesis.engine import synthesize  # noqa: E402

MODEL = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


class ModelOnly:
    name = "WordLlama alone"

    def embed(self, texts):
        return normalize(MODEL.embed(texts))


class WordsAndModel:
    name = "words + WordLlama"

    def embed(self, texts):
        return normalize(np.hstack([WordEmbedder().embed(texts), 0.5 * normalize(MODEL.embed(texts))]))


def main() -> None:
    print("| gold set | embedder | ARI | AMI |")
    print("|---|---|---|---|")
    for path in sorted(GOLD.glob("*.csv")):
        notes, gold = load(path)
        for embedder in (WordEmbedder(), ModelOnly(), WordsAndModel()):
            themes = synthesize(notes, 0.5, embedder=embedder)
            by_id = {nid: n for n, theme in enumerate(themes) for nid in theme.note_ids}
            labels = [by_id[note.id] for note in notes]
            print(
                f"| {path.stem} | {embedder.name} | {adjusted_rand_score(gold, labels):.2f} "
                f"| {adjusted_mutual_info_score(gold, labels):.2f} |"
            )


if __name__ == "__main__":
    main()
