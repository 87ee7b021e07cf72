"""Scores "Må jeg selv?" on the evaluation questions in data/questions.csv (see data/README.md).

Used by tests/mandates/test_search_quality.py (asserts the test part's figures) and by
bench/search_quality.py (prints every figure for both parts). Runs against the demo municipality.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

QUESTIONS = Path(__file__).parent / "data" / "questions.csv"


@dataclass(frozen=True)
class Question:
    unit: str
    kind: str  # answerable, sensitive, outside, near_miss
    expected: str  # the area's title, or "" when no area in force answers it
    text: str
    split: str  # dev or test


def load(split: str | None = None) -> list[Question]:
    with QUESTIONS.open(encoding="utf-8") as fh:
        rows = [
            Question(r["unit"], r["kind"], r["expected"], r["question"], r["split"])
            for r in csv.DictReader(fh, delimiter=";")
        ]
    return [q for q in rows if split is None or q.split == split]


@dataclass
class Outcome:
    question: Question
    titles: list[str]
    clear: bool
    best_level: int | None

    @property
    def rank(self) -> int | None:
        return (
            self.titles.index(self.question.expected) + 1 if self.question.expected in self.titles else None
        )

    @property
    def clear_right(self) -> bool:
        return self.clear and bool(self.question.expected) and self.titles[0] == self.question.expected

    @property
    def clear_wrong(self) -> bool:
        return self.clear and not self.clear_right

    @property
    def clear_yes_wrong(self) -> bool:
        """A wrong clear answer that says the team may decide (level 5–7): the dangerous kind."""
        return self.clear_wrong and (self.best_level or 0) >= 5


@dataclass
class Figures:
    outcomes: list[Outcome] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.kind in kinds]

    @staticmethod
    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def answerable(self) -> list[Outcome]:
        return self.of("answerable")

    @property
    def recall1(self) -> float:
        return self.share(sum(o.rank == 1 for o in self.answerable), len(self.answerable))

    @property
    def recall3(self) -> float:
        return self.share(
            sum(o.rank is not None and o.rank <= 3 for o in self.answerable), len(self.answerable)
        )

    @property
    def coverage(self) -> float:
        return self.share(sum(o.clear_right for o in self.answerable), len(self.answerable))

    @property
    def precision(self) -> float:
        clear = [o for o in self.outcomes if o.clear]
        return self.share(sum(o.clear_right for o in clear), len(clear)) if clear else 1.0

    @property
    def outside(self) -> list[Outcome]:
        return self.of("outside", "near_miss")

    @property
    def outside_clear(self) -> int:
        return sum(o.clear for o in self.outside)

    @property
    def outside_clear_yes(self) -> int:
        return sum(o.clear_yes_wrong for o in self.outside)

    @property
    def sensitive(self) -> list[Outcome]:
        return self.of("sensitive")

    @property
    def sensitive_right(self) -> float:
        """Sensitive questions answered as they must be: clear from the frame's area, or not clear at all."""
        ok = sum(o.clear_right if o.question.expected else not o.clear for o in self.sensitive)
        return self.share(ok, len(self.sensitive))

    @property
    def sensitive_wrong_yes(self) -> int:
        return sum(o.clear_yes_wrong for o in self.sensitive)

    def mistakes(self) -> list[str]:
        lines = []
        for o in self.outcomes:
            q = o.question
            wrong = o.clear_wrong or (q.expected and not o.clear_right) or (not q.expected and o.clear)
            if wrong:
                top = o.titles[0] if o.titles else "–"
                verdict = "KLAR" if o.clear else "ukl."
                lines.append(
                    f"{q.kind:10} {verdict} {q.unit:11} {q.text!r} → {top!r} ({q.expected!r}, {o.rank})"
                )
        return lines


def evaluate(questions: list[Question]) -> Figures:
    from handlekraft.mandates.search import can_i_decide
    from handlekraft.organisation.models import Unit

    units = {u.external_id: u for u in Unit.objects.filter(external_id__in={q.unit for q in questions})}
    figures = Figures()
    for q in questions:
        answer = can_i_decide(units[q.unit], q.text)
        titles = [r.area.title for r in answer.results]
        level = answer.results[0].area.level if answer.results else None
        figures.outcomes.append(Outcome(q, titles, answer.clear, level))
    return figures
