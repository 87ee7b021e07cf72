"""Results of closed surveys for any unit, from the stored counts and roll-ups, in a fixed number of queries.

`SurveyResults.series(survey, units=[...])` reads, for every closed round of the survey's series at once:
the organisation's units (one query), the respondents per unit (one query) and the subtree roll-ups of
just the units the page shows (one query). What is shown follows `lib/anonymity.py`, decided per round
over the whole tree, never per viewer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from handlekraft.lib.anonymity import shown_units
from handlekraft.organisation.models import SiteSettings, Unit

from .models import Construct, Item, Rollup, Survey, UnitCount

COMMENT_GROUP = 10  # free-text comments only for groups of at least this many


@dataclass
class UnitResult:
    unit: Unit
    suppressed: bool
    responses: int | None
    scores: dict[str, int | None] = field(default_factory=dict)  # construct key → 0–100
    items: list[dict] = field(default_factory=list)  # item rows with distributions (when shown)


def comparable_rounds(respondents: list[int | None], threshold: int) -> list[bool]:
    """Which rounds of one unit's trend may stand side by side (docs/pulse.md, "Trend").

    Two rounds whose respondents differ by 1 to threshold − 1 would, compared, point at the few people
    who came or left. So a round is shown in the trend only when its count equals that of the last round
    shown, or differs from it by at least the threshold; a suppressed round (None) is never shown.
    """
    shown, last = [], None
    for n in respondents:
        ok = n is not None and (last is None or n == last or abs(n - last) >= threshold)
        shown.append(ok)
        if ok:
            last = n
    return shown


def organisation_units(survey: Survey) -> dict[int, Unit]:
    """The units a survey asked: its unit and everything below it (one query)."""
    return {u.pk: u for u in Unit.objects.filter(path__startswith=survey.unit.path)}


class SurveyResults:
    """One round's results. Build it with `series()` (several rounds) or `for_survey()` (one)."""

    def __init__(self, survey: Survey, units: dict[int, Unit], counts: dict[int, tuple[int, int]], rollups):
        self.survey = survey
        self.closed = survey.status == Survey.Status.CLOSED
        self.units = units
        self.totals = {unit: subtree for unit, (_direct, subtree) in counts.items()}
        self._parents = {pk: (u.parent_id if u.parent_id in units else None) for pk, u in units.items()}
        self._direct = {unit: d for unit, (d, _subtree) in counts.items()}
        self.threshold = SiteSettings.current().safe_threshold
        self.shown = shown_units(self._parents, self._direct, self.threshold) if self.closed else set()
        self.rows: dict[int, dict[int, list[int]]] = defaultdict(dict)  # unit → item → distribution
        self.items: dict[int, Item] = {}
        for row in rollups:
            self.items[row.item_id] = row.item
            self.rows[row.unit_id][row.item_id] = row.distribution
        constructs = {item.construct_id: item.construct for item in self.items.values()}
        self.constructs = sorted(constructs.values(), key=lambda c: (c.order, c.key))

    @classmethod
    def series(
        cls,
        survey: Survey,
        units: list[Unit] | None = None,
        children_of: Unit | None = None,
        subtree_of: Unit | None = None,
        org: dict[int, Unit] | None = None,
    ) -> list[SurveyResults]:
        """Every closed round of the survey's series (same title and unit), oldest first, plus the survey
        itself if it is still open. Roll-ups are read only for `units` (default: the survey's unit), the
        children of `children_of`, and every unit of `subtree_of`'s subtree."""
        if org is None:
            org = organisation_units(survey)
        wanted = [u.pk for u in units or [survey.unit]]
        if children_of is not None:
            wanted += [pk for pk, u in org.items() if u.parent_id == children_of.pk]
        if subtree_of is not None:
            wanted += [pk for pk, u in org.items() if u.is_within(subtree_of)]
        surveys: dict[int, Survey] = {survey.pk: survey}
        counts: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
        # Plain tuples, and the rounds read along with them: 3,000 units × 8 rounds as model instances
        # would cost more than everything else on the page.
        rows = UnitCount.objects.filter(
            survey__unit=survey.unit, survey__title=survey.title, survey__closed_at__isnull=False
        ).values_list(
            "survey_id",
            "unit_id",
            "direct",
            "subtree",
            "survey__round",
            "survey__opens",
            "survey__closes",
            "survey__closed_at",
        )
        for survey_id, unit_id, direct, subtree, round_, opens, closes, closed_at in rows:
            counts[survey_id][unit_id] = (direct, subtree)
            if survey_id not in surveys:
                surveys[survey_id] = Survey(
                    pk=survey_id,
                    title=survey.title,
                    unit=survey.unit,
                    round=round_,
                    opens=opens,
                    closes=closes,
                    closed_at=closed_at,
                )
        rollups: dict[int, list] = defaultdict(list)
        for row in Rollup.objects.filter(survey_id__in=surveys, unit_id__in=wanted).select_related(
            "item__construct"
        ):
            rollups[row.survey_id].append(row)
        ordered = sorted(surveys.values(), key=lambda s: (s.opens, s.pk))
        return [cls(s, org, counts.get(s.pk, {}), rollups.get(s.pk, [])) for s in ordered]

    @classmethod
    def for_survey(cls, survey: Survey, units: list[Unit] | None = None, **kwargs) -> SurveyResults:
        return next(r for r in cls.series(survey, units, **kwargs) if r.survey.pk == survey.pk)

    @cached_property
    def comments_shown(self) -> set[int]:
        """The units whose free-text comments may be shown: the rule of the scores (at least the threshold,
        no remainder below it), at the comments' own threshold, so no two pages subtract to a small group."""
        if not self.closed:
            return set()
        return shown_units(self._parents, self._direct, max(COMMENT_GROUP, self.threshold))

    def constructs_of_survey(self) -> list[Construct]:
        if self.constructs:
            return self.constructs
        return list(Construct.objects.filter(items__surveys=self.survey).distinct().order_by("order", "key"))

    def for_unit(self, unit: Unit) -> UnitResult:
        if not self.closed or unit.pk not in self.shown:
            return UnitResult(unit, True, None, {c.key: None for c in self.constructs_of_survey()})
        sums = self.rows.get(unit.pk, {})
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

    def children_of(self, unit: Unit) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.parent_id == unit.pk), key=lambda u: u.name)

    def heatmap(self, unit: Unit) -> list[UnitResult]:
        """The units right below `unit`, shown or suppressed (their roll-ups must have been read)."""
        return [self.for_unit(child) for child in self.children_of(unit)]
