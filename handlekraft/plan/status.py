"""The figures of "Status på aktørskab" (the HU page), per area and for the whole organisation.

`compute()` counts with a dozen grouped queries (grouped by unit in the database, then summed per area in
Python) and stores the result as one `StatusSnapshot`. It runs in the background: nightly through
`manage.py refresh_plan_status`, and when HR asks for fresh figures. The page only reads the newest
snapshot, so its cost does not grow with the organisation.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from handlekraft.dialogue.models import Meeting
from handlekraft.experiments.models import Experiment, Proposal
from handlekraft.mandates.models import DecisionArea, MandateQuestion
from handlekraft.organisation.models import Unit
from handlekraft.pulse.models import Action, ActionPlan, Survey
from handlekraft.pulse.results import SurveyResults
from handlekraft.stories.models import Recognition, Story

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


def compute(today: date | None = None) -> StatusSnapshot:
    today = today or timezone.localdate()
    months = last_months(today)
    since = date(int(months[0][:4]), int(months[0][5:]), 1)
    root = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    areas = list(Unit.objects.filter(depth=1).order_by("name"))
    area_of: dict[int, int] = {}
    for pk, path in Unit.objects.values_list("pk", "path").iterator():
        ids = path.strip("/").split("/")
        area_of[pk] = int(ids[1]) if len(ids) > 1 else None

    surveys = []
    if root is not None:
        surveys = list(
            Survey.objects.filter(unit=root, closed_at__isnull=False)
            .select_related("unit")
            .order_by("-closed_at")
        )[:ROUNDS][::-1]
    rounds = [s.round for s in surveys]
    figures = {TOTAL: empty_figures(months, rounds)} | {a.pk: empty_figures(months, rounds) for a in areas}

    def add(unit_id: int | None, key: str, amount=1, sub: str | None = None) -> None:
        targets = [TOTAL]
        if unit_id is not None and area_of.get(unit_id) in figures:
            targets.append(area_of[unit_id])
        for target in targets:
            if sub is None:
                figures[target][key] += amount
            elif sub in figures[target][key]:
                figures[target][key][sub] += amount

    for unit_id in area_of:
        add(unit_id, "units")
    for unit_id in (
        DecisionArea.objects.reviewed_recently().order_by().values_list("unit_id", flat=True).distinct()
    ):
        add(unit_id, "units_reviewed")
    for row in (
        MandateQuestion.objects.filter(status=MandateQuestion.Status.ANSWERED)
        .values("unit_id")
        .annotate(n=Count("pk"), allowed=Count("pk", filter=Q(already_allowed=True)))
    ):
        add(row["unit_id"], "questions_answered", row["n"])
        add(row["unit_id"], "questions_allowed", row["allowed"])
    for row in (
        Story.objects.filter(status=Story.Status.PUBLISHED, published_at__date__gte=since)
        .annotate(month=TruncMonth("published_at"))
        .values("unit_id", "month")
        .annotate(n=Count("pk"))
    ):
        add(row["unit_id"], "stories", row["n"], sub=f"{row['month']:%Y-%m}")
    for row in (
        Recognition.objects.filter(created__date__gte=since, story__status=Story.Status.PUBLISHED)
        .annotate(month=TruncMonth("created"))
        .values("story__unit_id", "month")
        .annotate(n=Count("pk"))
    ):
        add(row["story__unit_id"], "recognitions", row["n"], sub=f"{row['month']:%Y-%m}")
    for row in Experiment.objects.values("unit_id", "status").annotate(n=Count("pk")):
        add(row["unit_id"], "experiments", row["n"], sub=row["status"])
    for row in Proposal.objects.values("unit_id").annotate(
        n=Count("pk"),
        answered=Count("pk", filter=Q(first_response_at__isnull=False)),
        hours=Sum("hours_per_month", filter=Q(status=Proposal.Status.DONE)),
    ):
        add(row["unit_id"], "proposals", row["n"])
        add(row["unit_id"], "proposals_answered", row["answered"])
        add(row["unit_id"], "hours_freed", float(row["hours"] or 0))
    for row in (
        Meeting.objects.filter(status=Meeting.Status.CLOSED)
        .values("unit_id", "committee__unit_id")
        .annotate(n=Count("pk"))
    ):
        add(row["unit_id"] or row["committee__unit_id"], "meetings_held", row["n"])
    for row in ActionPlan.objects.values("unit_id").annotate(n=Count("pk")):
        add(row["unit_id"], "action_plans", row["n"])
    for row in Action.objects.values("plan__unit_id", "status").annotate(n=Count("pk")):
        add(row["plan__unit_id"], "actions", row["n"], sub=row["status"])

    for survey in surveys:
        results = SurveyResults.for_survey(survey, [root, *areas])
        for key, unit in [(TOTAL, root), *((a.pk, a) for a in areas)]:
            row = results.for_unit(unit)
            scores = [s for s in row.scores.values() if s is not None]
            figures[key]["pulse"][survey.round] = (
                None if row.suppressed or not scores else round(sum(scores) / len(scores))
            )

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


def latest() -> StatusSnapshot | None:
    return StatusSnapshot.objects.order_by("-computed_at").first()
