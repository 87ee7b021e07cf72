"""Results of a closed survey for any unit, from the stored aggregates, in a fixed number of queries.

`SurveyResults(survey)` reads the survey's units and aggregates once (two queries) and then answers for
any unit: suppressed or not, respondents, construct scores (0–100), item distributions, and a heatmap of
the units below. What is shown follows `lib/anonymity.py`, decided over the whole tree at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from handlekraft.lib.anonymity import shown_units, subtree_counts
from handlekraft.organisation.models import SiteSettings, Unit

from .models import Aggregate, Construct, Item, Survey


@dataclass
class UnitResult:
    unit: Unit
    suppressed: bool
    responses: int | None
    scores: dict[str, int | None] = field(default_factory=dict)  # construct key → 0–100
    items: list[dict] = field(default_factory=list)  # item rows with distributions (when shown)


class SurveyResults:
    def __init__(self, survey: Survey, units: dict[int, Unit] | None = None, aggregates=None):
        self.survey = survey
        self.closed = survey.status == Survey.Status.CLOSED
        if units is None:
            units = {u.pk: u for u in Unit.objects.filter(path__startswith=survey.unit.path)}
        self.units = units
        self.items: dict[int, Item] = {}
        self.rows: dict[int, dict[int, list[int]]] = defaultdict(dict)  # unit → item → distribution
        direct: dict[int, int] = {}
        if self.closed:
            if aggregates is None:
                aggregates = Aggregate.objects.filter(survey=survey).select_related("item__construct")
            for row in aggregates:
                self.items[row.item_id] = row.item
                self.rows[row.unit_id][row.item_id] = row.distribution
                direct[row.unit_id] = row.respondents
        parents = {pk: (u.parent_id if u.parent_id in self.units else None) for pk, u in self.units.items()}
        self.totals = subtree_counts(parents, direct)
        self.shown = shown_units(parents, direct, SiteSettings.current().anonymity_threshold)
        constructs: dict[int, Construct] = {}
        for item in self.items.values():
            constructs[item.construct_id] = item.construct
        self.constructs = sorted(constructs.values(), key=lambda c: (c.order, c.key))

    @classmethod
    def series(cls, survey: Survey) -> list[SurveyResults]:
        """Every closed round of the survey's series (same title and unit), oldest first: two queries."""
        units = {u.pk: u for u in Unit.objects.filter(path__startswith=survey.unit.path)}
        rows = (
            Aggregate.objects.filter(survey__unit=survey.unit, survey__title=survey.title)
            .exclude(survey__closed_at__isnull=True)
            .select_related("survey", "item__construct")
        )
        by_survey: dict[int, list] = defaultdict(list)
        surveys: dict[int, Survey] = {}
        for row in rows:
            by_survey[row.survey_id].append(row)
            surveys[row.survey_id] = row.survey
        ordered = sorted(surveys.values(), key=lambda s: (s.opens, s.pk))
        return [cls(s, units, by_survey[s.pk]) for s in ordered]

    def constructs_of_survey(self) -> list[Construct]:
        if self.constructs:
            return self.constructs
        return list(Construct.objects.filter(items__surveys=self.survey).distinct())

    def for_unit(self, unit: Unit) -> UnitResult:
        if not self.closed or unit.pk not in self.shown:
            return UnitResult(unit, True, None, {c.key: None for c in self.constructs_of_survey()})
        sums: dict[int, list[int]] = {}
        for unit_id, by_item in self.rows.items():
            if self.units[unit_id].is_within(unit):
                for item_id, distribution in by_item.items():
                    total = sums.setdefault(item_id, [0] * 6)
                    for i, n in enumerate(distribution):
                        total[i] += n
        scores, item_rows = {}, []
        for construct in self.constructs:
            means = []
            for item_id, distribution in sorted(sums.items(), key=lambda x: (self.items[x[0]].order, x[0])):
                item = self.items[item_id]
                if item.construct_id != construct.pk:
                    continue
                answered = sum(distribution[:5])
                if answered:
                    means.append(sum(item.score(v) * distribution[v] for v in range(5)) / answered)
                item_rows.append({"item": item, "construct": construct, "distribution": distribution})
            scores[construct.key] = round(25 * sum(means) / len(means)) if means else None
        return UnitResult(unit, False, self.totals.get(unit.pk, 0), scores, item_rows)

    def heatmap(self, unit: Unit) -> list[UnitResult]:
        """The units right below `unit` (and their own rows), shown or suppressed."""
        children = sorted((u for u in self.units.values() if u.parent_id == unit.pk), key=lambda u: u.name)
        return [self.for_unit(child) for child in children]
