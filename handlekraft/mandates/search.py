"""'Må jeg selv?': free Danish text in, the decision areas in force for a unit out, ranked."""

from __future__ import annotations

from dataclasses import dataclass

from handlekraft.lib.text import Document, rank
from handlekraft.organisation.models import Unit

from .models import DecisionArea

# A result is a clear answer when it matched at least this share of the question's words.
CLEAR_COVERAGE = 0.5
CLEAR_SCORE = 1.0


@dataclass
class Result:
    area: DecisionArea
    score: float
    coverage: float


@dataclass
class Answer:
    query: str
    results: list[Result]

    @property
    def clear(self) -> bool:
        """False when nothing fits well: the page then says so and offers to ask."""
        if not self.results:
            return False
        best = self.results[0]
        return best.coverage >= CLEAR_COVERAGE and best.score >= CLEAR_SCORE

    @property
    def best(self) -> Result | None:
        return self.results[0] if self.results else None


def can_i_decide(unit: Unit, query: str, limit: int = 10) -> Answer:
    """Ranks the areas in force for the unit against the question (one query)."""
    areas = {a.pk: a for a in DecisionArea.objects.for_unit(unit)}
    documents = [Document(pk, area.search_index) for pk, area in areas.items()]
    hits = rank(query, documents)[:limit]
    return Answer(query, [Result(areas[h.key], round(h.score, 3), round(h.coverage, 3)) for h in hits])
