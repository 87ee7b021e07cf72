"""The figures of "Status på aktørskab" (the HU page), per area and for the whole organisation.

`compute()` asks each app for its counts (`status_figures` in its models module: a few queries grouped by
unit in the database), sums them per area in Python and stores the result as one `StatusSnapshot`. It
runs in the background: nightly through `manage.py refresh_plan_status`, and when HR asks for fresh
figures. The page only reads the newest snapshot, so its cost does not grow with the organisation.
"""

from __future__ import annotations

from datetime import date
from itertools import chain

from django.utils import timezone

from handlekraft.dialogue import models as dialogue
from handlekraft.experiments import models as experiments
from handlekraft.experiments.models import Experiment
from handlekraft.lib.figures import UnitFigure
from handlekraft.mandates import models as mandates
from handlekraft.organisation.models import Unit
from handlekraft.pulse import models as pulse
from handlekraft.pulse.models import Action, Survey
from handlekraft.pulse.results import SurveyResults
from handlekraft.stories import models as stories

from .models import StatusSnapshot

MONTHS = 12
ROUNDS = 8
TOTAL = "total"
KEEP = 30  # snapshots kept; the page reads the newest


def last_months(today: date, count: int = MONTHS) -> list[str]:
    """ "2025-12" … "2026-11": the `count` months up to and including this one."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(f"{year}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def empty_figures(months: list[str], rounds: list[str]) -> dict:
    return {
        "units": 0,
        "units_reviewed": 0,
        "questions_answered": 0,
        "questions_allowed": 0,
        "stories": dict.fromkeys(months, 0),
        "recognitions": dict.fromkeys(months, 0),
        "experiments": dict.fromkeys(Experiment.Status.values, 0),
        "proposals": 0,
        "proposals_answered": 0,
        "hours_freed": 0.0,
        "meetings_held": 0,
        "pulse": dict.fromkeys(rounds),
        "action_plans": 0,
        "actions": dict.fromkeys(Action.Status.values, 0),
    }


# Each app's own count of what happened per unit (lib/figures.py); the plan app only sums them.
SOURCES = (
    mandates.status_figures,
    experiments.status_figures,
    stories.status_figures,
    dialogue.status_figures,
    pulse.status_figures,
)


def compute(today: date | None = None) -> StatusSnapshot:
    today = today or timezone.localdate()
    months = last_months(today)
    since = date(int(months[0][:4]), int(months[0][5:]), 1)
    root = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    areas = list(Unit.objects.filter(depth=1).order_by("name"))
    area_of = _area_of_each_unit()
    surveys = _last_rounds(root)
    rounds = [s.round for s in surveys]
    figures = {TOTAL: empty_figures(months, rounds)} | {a.pk: empty_figures(months, rounds) for a in areas}

    counted = (UnitFigure(unit_id, "units") for unit_id in area_of)
    for figure in chain(counted, *(source(since) for source in SOURCES)):
        area = area_of.get(figure.unit_id) if figure.unit_id is not None else None
        for target in (TOTAL, area) if area in figures else (TOTAL,):
            _add(figures[target], figure)
    if root is not None:
        for survey in surveys:
            _add_pulse_round(figures, survey, root, areas)

    data = {
        "months": months,
        "rounds": [{"round": s.round, "survey": s.pk} for s in surveys],
        "areas": [{"id": a.pk, "name": a.name, "external_id": a.external_id, **figures[a.pk]} for a in areas],
        "total": {
            "name": root.name if root else "",
            "external_id": root.external_id if root else "",
            **figures[TOTAL],
        },
    }
    snapshot = StatusSnapshot.objects.create(computed_at=timezone.now(), data=data)
    keep = StatusSnapshot.objects.order_by("-computed_at").values_list("pk", flat=True)[:KEEP]
    StatusSnapshot.objects.exclude(pk__in=list(keep)).delete()
    return snapshot


def _area_of_each_unit() -> dict[int, int | None]:
    """Each unit's area (the unit at depth 1 above it or itself), from the paths: one query."""
    area_of: dict[int, int | None] = {}
    for pk, path in Unit.objects.values_list("pk", "path").iterator():
        ids = path.strip("/").split("/")
        area_of[pk] = int(ids[1]) if len(ids) > 1 else None
    return area_of


def _last_rounds(root: Unit | None) -> list[Survey]:
    """The organisation's last ROUNDS closed pulse rounds, oldest first."""
    if root is None:
        return []
    closed = Survey.objects.filter(unit=root, closed_at__isnull=False).select_related("unit")
    return list(closed.order_by("-closed_at"))[:ROUNDS][::-1]


def _add(figures: dict, figure: UnitFigure) -> None:
    if figure.sub is None:
        figures[figure.key] += figure.amount
    elif figure.sub in figures[figure.key]:  # a month or status the page shows
        figures[figure.key][figure.sub] += figure.amount


def _add_pulse_round(figures: dict, survey: Survey, root: Unit, areas: list[Unit]) -> None:
    """The round's mean score for the organisation and each area, or None where it is suppressed."""
    results = SurveyResults.for_survey(survey, [root, *areas])
    for key, unit in [(TOTAL, root), *((a.pk, a) for a in areas)]:
        row = results.for_unit(unit)
        scores = [s for s in row.scores.values() if s is not None]
        figures[key]["pulse"][survey.round] = (
            None if row.suppressed or not scores else round(sum(scores) / len(scores))
        )


def latest() -> StatusSnapshot | None:
    return StatusSnapshot.objects.order_by("-computed_at").first()
