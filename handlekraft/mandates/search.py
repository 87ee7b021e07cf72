"""'Må jeg selv?': free Danish text in, the decision areas in force for a unit out, ranked, and the
decision whether the first one answers the question (a clear answer) or not.

A clear answer is one the municipality can stand behind, so the decision is made on the content of the
question, not on a share of its words:
- each word of the question weighs by how much it says (`lib.text.informativeness`: common Danish words
  such as "fri", "barn" or "købe" weigh little; a word most areas of the unit use, such as "borger" in a
  plejecenter, weighs less still);
- the first area must match most of that weight (COVERAGE), enough of it in absolute terms (EVIDENCE, so
  one common word is never enough), and clearly more than the next area (MARGIN);
- a question that touches a legal frame (`lib.legal_frames`) is answered only from an area that holds that
  frame; if none is in force for the unit, the answer is not clear.
The thresholds were tuned on the development part of tests/mandates/data/questions.csv only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handlekraft.lib.danish_lexicon import CONTEXT_WORDS
from handlekraft.lib.legal_frames import frames_touched, holds
from handlekraft.lib.text import Document, Hit, informativeness, rank, stem, words
from handlekraft.organisation.models import Unit

from .models import DecisionArea

COVERAGE = 0.6  # share of the question's weight the first area must match
EVIDENCE = 3.0  # weight it must match in absolute terms (one rare word, or two everyday ones)
MARGIN = 1.0  # its score over the second area's
COMMON_IN_UNIT = 0.25  # a word in more than this share of the unit's areas says little about which one
PHRASE_WEIGHT = 3.0  # a multi-word concept matched as a whole ("ringe ind")
CONTEXT_WEIGHT = 0.25  # a word that says when or how many (CONTEXT_WORDS)
BM25_SHARE = 2.0  # how much the BM25 score (relative to the best) adds to the matched weight in ranking


@dataclass
class Result:
    area: DecisionArea
    score: float
    coverage: float


@dataclass
class Answer:
    query: str
    results: list[Result]
    clear: bool = False
    frames: list[str] = field(default_factory=list)  # the legal frames the question touches

    @property
    def best(self) -> Result | None:
        return self.results[0] if self.results else None


def can_i_decide(unit: Unit, query: str, limit: int = 10) -> Answer:
    """Ranks the areas in force for the unit against the question and decides if the first answers it."""
    areas = {a.pk: a for a in DecisionArea.objects.for_unit(unit)}
    documents = [Document(pk, area.search_index) for pk, area in areas.items()]
    hits = rank(query, documents)
    weights = _word_weights(query, documents)
    total = sum(weights.values())
    results = []
    top = hits[0].score if hits else 1.0
    for hit in hits:
        matched = sum(
            weights.get(w, PHRASE_WEIGHT) * s
            for w, s in hit.strength.items()
            if w in weights or w.startswith("@")
        )
        results.append(_Scored(hit, matched, min(1.0, matched / total) if total else 0.0))
    # Best first by how much of the question's meaning the area matched; BM25 breaks near-ties.
    results.sort(key=lambda r: (-(r.matched + BM25_SHARE * r.hit.score / top), str(r.hit.key)))

    frames = frames_touched(query)
    if frames:
        # Only an area that holds one of the frames may answer; it goes first whatever its score.
        holding = {pk for pk, a in areas.items() if any(holds(f, a.title, a.keywords) for f in frames)}
        unmatched = holding - {h.key for h in hits}
        holders = [r for r in results if r.hit.key in holding]
        holders += [_Scored(Hit(pk, 0.0, 0.0)) for pk in sorted(unmatched, key=lambda pk: areas[pk].title)]
        clear = bool(holders)
        results = holders + [r for r in results if r.hit.key not in holding]
    else:
        clear = _is_clear(results)

    shown = [Result(areas[r.hit.key], round(r.hit.score, 3), round(r.coverage, 3)) for r in results[:limit]]
    return Answer(query, shown, clear=clear and bool(shown), frames=[f.key for f in frames])


@dataclass
class _Scored:
    hit: Hit
    matched: float = 0.0  # the question's weight the area matched
    coverage: float = 0.0  # that as a share of the question's whole weight


def _is_clear(results: list[_Scored]) -> bool:
    if not results:
        return False
    best = results[0]
    if best.coverage < COVERAGE or best.matched < EVIDENCE:
        return False
    return len(results) < 2 or best.matched >= MARGIN * results[1].matched


def _word_weights(query: str, documents: list[Document]) -> dict[str, float]:
    """Each content word's stem with its weight: how much it says, less when most areas use it."""
    n = len(documents) or 1
    containing: dict[str, int] = {}
    stems = {stem(w): w for w in words(query)}
    for doc in documents:
        present = {t for ts in doc.fields.values() for t in ts}
        for s in stems:
            if s in present:
                containing[s] = containing.get(s, 0) + 1
    weights: dict[str, float] = {}
    for s, surface in stems.items():
        weight = CONTEXT_WEIGHT if surface in CONTEXT_WORDS or surface.isdigit() else informativeness(surface)
        if containing.get(s, 0) > max(2, COMMON_IN_UNIT * n):
            weight /= 2
        weights[s] = max(weights.get(s, 0.0), weight)
    return weights


def suggest_area(unit: Unit, *texts: str) -> DecisionArea | None:
    """The decision area in force that one of the texts (tried in turn: a title, then a description) is
    clearly about, for experiments nobody linked to an area; or None."""
    for text in texts:
        answer = can_i_decide(unit, text[:1000])
        if answer.clear and answer.best:
            return answer.best.area
    return None
