"""Danish normalisation for short notes: the features one note shares with another.

Short notes share few words, so a note is described by more than its words:
- stems (Snowball's Danish stemmer) without stop words: "vikarer", "vikaren" → "vikar";
- compound parts, split against the vocabulary of all the notes: "vagtbytte" → "vagt", "bytte";
- concepts from the lexicon that joins everyday words to formal ones: "afløser" → "@vikar";
- the themes of working life in `lexicon.py`: "pauserne", "arbejdspresset" → "§tid";
- character n-grams inside each stem, which let "sygemelding" and "syg" meet without a dictionary.

No Django here: this package runs alone (`python -m handlekraft.synthesis`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from handlekraft.lib.text import CONCEPT_OF, LEXICON_STEMS, split_compound, stem, words

from .lexicon import THEME_OF

NGRAM_SIZES = (4, 5)
MIN_NGRAM_STEM = 6
THEME_WEIGHT = 3.0


@dataclass
class Features:
    """A note's features with their weights, and the surface words each stem came from."""

    weights: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    surfaces: dict[str, Counter] = field(default_factory=dict)


def vocabulary(texts: list[str]) -> frozenset[str]:
    stems = {stem(w) for text in texts for w in words(text)}
    return frozenset(stems | LEXICON_STEMS)


def features(text: str, vocab: frozenset[str]) -> Features:
    result = Features()
    for word in words(text):
        if len(word) < 2 or word.isdigit():
            continue
        s = stem(word)
        result.weights[s] += 1.0
        result.surfaces.setdefault(s, Counter())[word] += 1
        parts = split_compound(s, vocab) if len(s) >= 6 else []
        for part in parts:
            result.weights[part] += 0.7
        for term in [s, *parts]:
            if term in CONCEPT_OF:
                result.weights["@" + CONCEPT_OF[term]] += 1.0
            if term in THEME_OF:
                result.weights["§" + THEME_OF[term]] += THEME_WEIGHT
        if len(s) >= MIN_NGRAM_STEM:
            padded = f"<{s}>"
            for n in NGRAM_SIZES:
                for i in range(len(padded) - n + 1):
                    result.weights["#" + padded[i : i + n]] += 0.15
    return result
