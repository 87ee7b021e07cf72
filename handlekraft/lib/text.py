"""Danish text normalisation and ranking for short documents, in pure Python.

Used by "Må jeg selv?" (and later by other searches). Normalisation:
- lower case, words of letters and digits, Danish stop words removed;
- Snowball's Danish stemmer (inflection: "vikarer" → "vikar");
- compounds split against a vocabulary, allowing the linking -s-/-e- ("arbejdsplan" → "arbejd" + "plan");
- everyday words joined to formal ones through a small lexicon of concepts (`danish_lexicon.py`).

Ranking is BM25F over weighted fields of the candidate documents. The candidates are the few hundred
decision areas in force for one unit, so ranking in Python costs about a millisecond and gives the same
result on SQLite and PostgreSQL.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer

from .danish_lexicon import CONCEPTS, STOPWORDS

WORD = re.compile(r"[a-zæøåéü0-9]+")
_stemmer = snowballstemmer.stemmer("danish")
MIN_PART = 3
LINKING = ("s", "e")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    return [w for w in WORD.findall((text or "").lower()) if w not in STOPWORDS]


def normalise_title(title: str) -> str:
    """The key two titles share when they name the same decision area."""
    return " ".join(WORD.findall((title or "").lower()))


def _build_concepts() -> tuple[dict[str, str], frozenset[str]]:
    by_stem: dict[str, str] = {}
    for concept, members in CONCEPTS.items():
        for member in members:
            terms = [stem(w) for w in words(member)]
            if len(terms) == 1:
                by_stem.setdefault(terms[0], concept)
    return by_stem, frozenset(by_stem)


CONCEPT_OF, LEXICON_STEMS = _build_concepts()
PHRASES = {
    tuple(stem(w) for w in words(member)): concept
    for concept, members in CONCEPTS.items()
    for member in members
    if len(words(member)) > 1
}


def split_compound(term: str, vocabulary: frozenset[str] | set[str]) -> list[str]:
    """Splits a stem into two known parts ("vikardækning" → ["vikar", "dækning"]), or returns []."""
    for i in range(len(term) - MIN_PART, MIN_PART - 1, -1):
        left, right = term[:i], term[i:]
        for part in (left, left.removesuffix("s"), left.removesuffix("e")):
            if len(part) >= MIN_PART and part in vocabulary:
                right_stem = stem(right)
                if right_stem in vocabulary or right in vocabulary:
                    return [part, right_stem if right_stem in vocabulary else right]
                deeper = split_compound(right, vocabulary)
                if deeper:
                    return [part, *deeper]
    return []


def terms(text: str, vocabulary: frozenset[str] | set[str] = LEXICON_STEMS) -> list[str]:
    """The index terms of a text: stems, compound parts and concept ids ("@vikar")."""
    stems = [stem(w) for w in words(text)]
    result = list(stems)
    vocab = vocabulary | LEXICON_STEMS | set(stems)
    for s in stems:
        if len(s) >= 2 * MIN_PART:
            result.extend(split_compound(s, vocab))
    for s in list(result):
        if s in CONCEPT_OF:
            result.append("@" + CONCEPT_OF[s])
    for phrase, concept in PHRASES.items():
        n = len(phrase)
        if any(tuple(stems[i : i + n]) == phrase for i in range(len(stems) - n + 1)):
            result.append("@" + concept)
    return result


def trigrams(term: str) -> set[str]:
    padded = f"  {term} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass
class Document:
    key: Any  # the caller's own key for the document (a decision area's pk)
    fields: dict[str, list[str]]


@dataclass
class Hit:
    key: Any
    score: float
    coverage: float  # share of the query's words that the document matched
    matched: set[str] = field(default_factory=set)
    # How well each query word (its stem) was matched: 1.0 the word itself in the title or keywords, less
    # for a compound part, a concept, a near spelling, or a match only in the limits (see MATCH_FIELD).
    strength: dict[str, float] = field(default_factory=dict)


FIELD_WEIGHTS = {
    "title": 3.0,
    "keywords": 3.0,
    "examples": 1.5,
    "questions": 1.5,  # questions people asked that the area answers, as a leader wrote them
    "description": 1.0,
    "limits": 0.6,
}
# How much a match in each field says about what the document is about (for Hit.strength): the limits
# mention many things in passing ("flugtveje holdes fri"), the title and keywords name the subject.
MATCH_FIELD = {
    "title": 1.0,
    "keywords": 1.0,
    "description": 0.85,
    "examples": 0.85,
    "questions": 0.85,
    "limits": 0.5,
}
K1, B = 1.2, 0.6
CONCEPT_WEIGHT = 0.8
FUZZY_WEIGHT = 0.5


def rank(query: str, documents: Sequence[Document], weights: dict[str, float] = FIELD_WEIGHTS) -> list[Hit]:
    """BM25F over the documents' weighted fields; best first. Documents without any match are left out."""
    if not documents:
        return []
    vocabulary = {t for d in documents for ts in d.fields.values() for t in ts if not t.startswith("@")}
    query_words = [stem(w) for w in words(query)]
    if not query_words:
        return []
    query_terms = _query_terms(query, query_words, vocabulary)

    weighted = []
    for doc in documents:
        tf: defaultdict[str, float] = defaultdict(float)
        where: dict[str, float] = {}
        length = 0.0
        for name, ts in doc.fields.items():
            w = weights.get(name, 1.0)
            length += w * len(ts)
            for t in ts:
                tf[t] += w
                where[t] = max(where.get(t, 0.0), MATCH_FIELD.get(name, 0.5))
        weighted.append((doc, tf, length, where))
    average = sum(length for _, _, length, _ in weighted) / len(weighted) or 1.0
    n = len(documents)
    df = Counter(t for _, tf, _, _ in weighted for t in tf)

    hits = []
    for doc, tf, length, where in weighted:
        score, matched_words, strength = 0.0, set[str](), dict[str, float]()
        for term, (weight, sources) in query_terms.items():
            f = tf.get(term, 0.0)
            if not f:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            score += weight * idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / average))
            matched_words |= sources
            for source in sources:
                strength[source] = max(strength.get(source, 0.0), weight * where[term])
        if score > 0:
            coverage = min(1.0, len(matched_words) / len(set(query_words)))
            hits.append(Hit(doc.key, score, coverage, matched_words, strength))
    hits.sort(key=lambda h: (-h.score, str(h.key)))
    return hits


def _query_terms(
    query: str, query_words: list[str], vocabulary: set[str]
) -> dict[str, tuple[float, set[str]]]:
    """Each query term with its weight and the query words it stands for."""
    result: dict[str, tuple[float, set[str]]] = {}

    def add(term: str, weight: float, source: str) -> None:
        old_weight, sources = result.get(term, (0.0, set()))
        result[term] = (max(old_weight, weight), sources | {source})

    vocab = frozenset(vocabulary) | LEXICON_STEMS
    for word in query_words:
        add(word, 1.0, word)
        parts = split_compound(word, vocab) if len(word) >= 2 * MIN_PART else []
        for part in parts:
            add(part, 0.7, word)
        for t in [word, *parts]:
            if t in CONCEPT_OF:
                add("@" + CONCEPT_OF[t], CONCEPT_WEIGHT, word)
        if word not in vocab and not parts and len(word) >= 4:
            for near in _near_terms(word, vocabulary):
                add(near, FUZZY_WEIGHT, word)
    for t in terms(query):
        if t.startswith("@") and t not in result:
            add(t, CONCEPT_WEIGHT, t)
    return result


def _near_terms(word: str, vocabulary: Iterable[str]) -> list[str]:
    """Terms spelled almost like `word` (a typo), by trigram overlap."""
    grams = trigrams(word)
    near = []
    for term in vocabulary:
        if abs(len(term) - len(word)) > 2:
            continue
        other = trigrams(term)
        if len(grams & other) / len(grams | other) >= 0.5:
            near.append(term)
    return near[:3]


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """How common the word is in general Danish, on the Zipf scale (wordfreq): about 7 for "og", 5 for
    "fri" or "barn", 3 for "tavshedspligt", 0 for a word wordfreq has never seen (rare, or a typo)."""
    from wordfreq import zipf_frequency  # loaded on the first search, not when a worker starts

    return zipf_frequency(word, "da")


MAX_INFORMATIVENESS = 4.5


def informativeness(word: str) -> float:
    """How much a word of a question says about its topic: common words little, rare words much.

    An inflected form wordfreq lacks ("printeren") counts as its stem's forms; a compound it lacks
    ("søndagsvagt") as its most telling part, a little more, since compounds are everyday Danish.
    """
    s = stem(word)
    common = max(zipf(word), zipf(s), zipf(s + "e"), zipf(s + "er"), zipf(s + "en"))
    if not common and len(word) >= 2 * MIN_PART:
        parts = _known_parts(word)
        if parts:
            return min(MAX_INFORMATIVENESS, max(informativeness(p) for p in parts) + 0.5)
    return min(MAX_INFORMATIVENESS, max(0.5, 6.5 - common))


def _known_parts(word: str) -> list[str]:
    """Splits a compound into two words general Danish knows ("søndagsvagt" → søndag, vagt), or []."""
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        left, right = word[:i], word[i:]
        if zipf(right) < 2.5 and zipf(right + "e") < 2.5:
            continue
        for part in (left, left.removesuffix("s"), left.removesuffix("e")):
            if len(part) >= MIN_PART and zipf(part) >= 2.5:
                return [part, right]
    return []
