"""Results of closed surveys for any unit, from what closing each survey decided, in a few queries.

Closing a survey stores, per group (a unit and everything below it), a `UnitOutcome`: the respondents,
whether the figures and the comments may be shown (`lib/anonymity.py`, decided over the whole tree, never
per viewer) and the score per construct. `SurveyResults.series(survey, units=[...])` then reads the
outcomes of just the units the page shows, with their units and rounds (one query), and the item
roll-ups of the units asked for (one): the same few rows whether the organisation has 30 units or
3,000, and one row more per unit for each round of the trend.

Each survey holds the anonymity threshold its outcomes were decided at; when the organisation's threshold
has changed since, a page decides again from the stored counts (`decide`) before it shows anything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db import transaction
from django.db.models import Q

from handlekraft.lib.anonymity import shown_units
from handlekraft.organisation.models import SiteSettings, Unit

from .models import Construct, Item, Rollup, Survey, UnitCount, UnitOutcome

COMMENT_GROUP = 10  # free-text comments only for groups of at least this many
_CHUNK = 2000  # ids per UPDATE … WHERE unit_id IN (…)


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


def construct_scores(items: list[Item], distributions: dict[int, list[int]]) -> dict[str, int | None]:
    """A group's score per construct on 0–100: the mean of its items' mean answers (reversed items turned
    round, "Ved ikke" left out), or None where nobody answered any of its items. `items` carry their
    construct; `distributions` maps item id → counts of the answers 0..4 and "Ved ikke"."""
    means: dict[str, list[float]] = defaultdict(list)
    for item in items:
        means.setdefault(item.construct.key, [])
        distribution: list[int] = distributions.get(item.pk) or []
        answered = sum(distribution[:5])
        if answered:
            total = sum(item.score(v) * distribution[v] for v in range(5))
            means[item.construct.key].append(total / answered)
    return {key: round(25 * sum(m) / len(m)) if m else None for key, m in means.items()}


def store_outcomes(
    survey: Survey,
    units: dict[int, Unit],
    subtree: dict[int, int],
    rolled: dict[tuple[int, int], list[int]],
) -> None:
    """Stores the group of every unit the survey asked (`units`: its unit and those below it): its
    respondents and scores (`subtree`: unit id → respondents in its subtree; `rolled`: (unit id, item
    id) → the subtree's distribution), then decides what may be shown. A unit nobody answered in gets a
    row too, so a heatmap lists it (suppressed)."""
    items = list(survey.items.select_related("construct"))
    per_unit: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for (unit_id, item_id), distribution in rolled.items():
        per_unit[unit_id][item_id] = distribution
    UnitOutcome.objects.filter(survey=survey).delete()
    UnitOutcome.objects.bulk_create(
        [
            UnitOutcome(
                survey=survey,
                unit_id=unit_id,
                respondents=subtree.get(unit_id, 0),
                scores=construct_scores(items, per_unit[unit_id]),
            )
            for unit_id in units
        ],
        batch_size=_CHUNK,
    )
    tree = {pk: unit.parent_id for pk, unit in units.items()}
    decide(survey, SiteSettings.current().safe_threshold, tree)


def decide(survey: Survey, threshold: int, tree: dict[int, int | None] | None = None) -> None:
    """Decides, from the stored counts, which of the survey's groups may be shown at `threshold`, and
    which groups' comments, and records the threshold on the survey. `tree` (unit id → parent id, for the
    survey's unit and those below) is read when not given."""
    if tree is None:
        tree = dict(Unit.objects.filter(path__startswith=survey.unit.path).values_list("pk", "parent_id"))
    parents: dict[int, int | None] = {pk: (parent if parent in tree else None) for pk, parent in tree.items()}
    direct = dict(UnitCount.objects.filter(survey=survey).values_list("unit_id", "direct"))
    decisions = {
        "shown": shown_units(parents, direct, threshold),
        "comments_shown": shown_units(parents, direct, max(COMMENT_GROUP, threshold)),
    }
    with transaction.atomic():
        outcomes = UnitOutcome.objects.filter(survey=survey)
        outcomes.update(shown=False, comments_shown=False)
        for flag, units in decisions.items():
            ids = sorted(units)
            for start in range(0, len(ids), _CHUNK):
                outcomes.filter(unit_id__in=ids[start : start + _CHUNK]).update(**{flag: True})
        Survey.objects.filter(pk=survey.pk).update(decided_at_threshold=threshold)
    survey.decided_at_threshold = threshold


def _constructs(survey: Survey, rollups: list[Rollup]) -> list[Construct]:
    """The survey's constructs in their order: those of the roll-ups read (no query), else from the items."""
    found = {row.item.construct_id: row.item.construct for row in rollups}
    if not found:
        return list(Construct.objects.filter(items__surveys=survey).distinct().order_by("order", "key"))
    return sorted(found.values(), key=lambda c: (c.order, c.key))


class SurveyResults:
    """One round's results. Build it with `series()` (several rounds) or `for_survey()` (one)."""

    def __init__(
        self,
        survey: Survey,
        units: dict[int, Unit],
        outcomes: dict[int, UnitOutcome],
        rollups: list[Rollup],
        constructs: list[Construct],
        threshold: int,
    ):
        self.survey = survey
        self.closed = survey.status == Survey.Status.CLOSED
        self.units = units
        self.outcomes = outcomes if self.closed else {}
        self.threshold = threshold
        self.constructs = constructs
        self.rows: dict[int, dict[int, list[int]]] = defaultdict(dict)  # unit → item → distribution
        self.items: dict[int, Item] = {}
        for row in rollups:
            self.items[row.item_id] = row.item
            self.rows[row.unit_id][row.item_id] = row.distribution

    @classmethod
    def series(
        cls,
        survey: Survey,
        units: list[Unit] | None = None,
        children_of: Unit | None = None,
        subtree_of: Unit | None = None,
    ) -> list[SurveyResults]:
        """Every closed round of the survey's series (same title and unit), oldest first, plus the survey
        itself if it is still open. Outcomes are read for `units` (default: the survey's unit) in every
        round, and, in the survey's own round, for the children of `children_of` and every unit of
        `subtree_of`'s subtree (the units the survey asked: `results.units`); item roll-ups for `units`
        in the survey's own round."""
        asked = {u.pk: u for u in units or [survey.unit]}
        threshold = SiteSettings.current().safe_threshold
        # The rounds come with their outcomes: every unit a round asked has one.
        wanted = Q(
            survey__unit_id=survey.unit_id,
            survey__title=survey.title,
            survey__closed_at__isnull=False,
            unit_id__in=asked,
        )
        # As subqueries on the units, so each part is a search in the (survey, unit) index.
        if children_of is not None:
            below = Unit.objects.filter(parent_id=children_of.pk).values("pk")
            wanted |= Q(survey_id=survey.pk, unit_id__in=below)
        if subtree_of is not None:
            below = Unit.objects.filter(path__startswith=subtree_of.path).values("pk")
            wanted |= Q(survey_id=survey.pk, unit_id__in=below)
        found = list(UnitOutcome.objects.filter(wanted).select_related("unit", "survey"))
        rounds = {o.survey_id: o.survey for o in found if o.survey_id != survey.pk}
        rounds[survey.pk] = survey
        if stale := [s for s in rounds.values() if s.closed_at and s.decided_at_threshold != threshold]:
            for closed in stale:  # the threshold has changed since they were decided (rare)
                decide(closed, threshold)
            return cls.series(survey, units, children_of, subtree_of)
        outcomes: dict[int, dict[int, UnitOutcome]] = defaultdict(dict)
        read = dict(asked)
        for outcome in found:
            outcomes[outcome.survey_id][outcome.unit_id] = outcome
            read.setdefault(outcome.unit_id, outcome.unit)
        rollups = list(
            Rollup.objects.filter(survey=survey, unit_id__in=asked).select_related("item__construct")
        )
        constructs = _constructs(survey, rollups)
        ordered = sorted(rounds.values(), key=lambda s: (s.opens, s.pk))
        return [
            cls(s, read, outcomes.get(s.pk, {}), rollups if s.pk == survey.pk else [], constructs, threshold)
            for s in ordered
        ]

    @classmethod
    def for_survey(cls, survey: Survey, units: list[Unit] | None = None, **kwargs) -> SurveyResults:
        return next(r for r in cls.series(survey, units, **kwargs) if r.survey.pk == survey.pk)

    @cached_property
    def comments_shown(self) -> set[int]:
        """The units read whose free-text comments may be shown: the rule of the scores (at least the
        threshold, no remainder below it) at the comments' own threshold, so no two pages subtract to a
        small group."""
        return {unit for unit, outcome in self.outcomes.items() if outcome.comments_shown}

    def constructs_of_survey(self) -> list[Construct]:
        return self.constructs

    def for_unit(self, unit: Unit) -> UnitResult:
        outcome = self.outcomes.get(unit.pk)
        if outcome is None or not outcome.shown:
            return UnitResult(unit, True, None, {c.key: None for c in self.constructs})
        order = {c.pk: i for i, c in enumerate(self.constructs)}
        distributions = self.rows.get(unit.pk, {})
        item_rows = [
            {"item": item, "construct": item.construct, "distribution": distributions[item.pk]}
            for item in sorted(
                (self.items[pk] for pk in distributions),
                key=lambda i: (order.get(i.construct_id, len(order)), i.order, i.pk),
            )
        ]
        return UnitResult(unit, False, outcome.respondents, dict(outcome.scores), item_rows)

    def children_of(self, unit: Unit) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.parent_id == unit.pk), key=lambda u: u.name)

    def heatmap(self, unit: Unit) -> list[UnitResult]:
        """The units right below `unit`, shown or suppressed (their outcomes must have been read)."""
        return [self.for_unit(child) for child in self.children_of(unit)]
