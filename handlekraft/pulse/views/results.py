"""Reading the results (/maaling/), only ever as suppressed aggregates."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from handlekraft.lib.charts import sparkline
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..models import SCALE, Response, Survey
from ..results import SurveyResults, comparable_rounds
from ..rules import can_run_surveys, can_see_results, can_see_survey, can_see_units_below


@login_required
def surveys(request: SignedInRequest) -> HttpResponse:
    """The surveys whose results the person may read: those covering one of their units (HR: all)."""
    found: Any = Survey.objects.select_related("unit").order_by("-opens")
    if not can_run_surveys(request.user):  # HR runs the surveys and sees them all
        found = [s for s in found[:200] if can_see_survey(request.user, s)]
    return render(request, "pulse/surveys.html", {"surveys": found, "can_run": can_run_surveys(request.user)})


@login_required
def results(request: SignedInRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    unit = _unit_shown(request, survey)
    if not can_see_results(request.user, unit):
        raise PermissionDenied
    subtree_view = can_see_units_below(request.user, unit)
    all_rounds = SurveyResults.series(survey, [unit, survey.unit], children_of=unit if subtree_view else None)
    current = next(r for r in all_rounds if r.survey.pk == survey.pk)
    mine = current.for_unit(unit)
    organisation = current.for_unit(survey.unit)
    constructs = current.constructs_of_survey()
    table = [
        {
            "construct": c,
            "mine": mine.scores.get(c.key),
            "organisation": organisation.scores.get(c.key),
            "items": [row for row in mine.items if row["construct"].pk == c.pk],
        }
        for c in constructs
    ]
    heatmap = [
        {"unit": r.unit, "suppressed": r.suppressed, "cells": [r.scores.get(c.key) for c in constructs]}
        for r in (current.heatmap(unit) if subtree_view else [])
    ]
    series = [r for r in all_rounds if r.closed]
    return render(
        request,
        "pulse/results.html",
        {
            "survey": survey,
            "unit": unit,
            "mine": mine,
            "organisation": organisation,
            "constructs": constructs,
            "table": table,
            "heatmap": heatmap,
            "trend": trend_rows(series, unit, constructs, current.threshold),
            "rounds": [r.survey.round for r in series],
            "scale": SCALE,
            "comments": _comments_shown(survey, unit, current),
            "threshold": current.threshold,
        },
    )


def _unit_shown(request: SignedInRequest, survey: Survey) -> Unit:
    """The unit asked for (?enhed=), else the person's own unit if the survey asked it, else the survey's
    unit. Results exist only for the units the survey asked: its unit and those below it."""
    if external_id := request.GET.get("enhed"):
        return get_object_or_404(Unit, external_id=external_id, path__startswith=survey.unit.path)
    own = request.user.primary_unit
    return own if own is not None and own.is_within(survey.unit) else survey.unit


def _comments_shown(survey: Survey, unit: Unit, current) -> list[str]:
    """The unit's comments where the remainder rule lets them be shown, in random order (no order that
    could hint at who wrote what)."""
    if unit.pk not in current.comments_shown or not survey.question:
        return []
    comments = list(
        Response.objects.filter(survey=survey, unit__path__startswith=unit.path)
        .exclude(comment="")
        .values_list("comment", flat=True)
    )
    random.shuffle(comments)
    return comments


def trend_rows(series: list, unit: Unit, constructs, threshold: int) -> list[dict]:
    """Per construct, the unit's score in each closed round; a round whose number of responses could
    point at people who came or left (comparable_rounds) is left out."""
    in_rounds = [r.for_unit(unit) for r in series]
    comparable = comparable_rounds([r.responses for r in in_rounds], threshold)
    per_round = [r.scores if ok else {} for r, ok in zip(in_rounds, comparable, strict=True)]
    rounds = [r.survey.round for r in series]
    rows = []
    for c in constructs:
        values = [scores.get(c.key) for scores in per_round]
        rows.append(
            {"construct": c, "values": values, "bars": sparkline(values), "change": change(values, rounds)}
        )
    return rows


def change(values: list[int | None], rounds: list[str]) -> dict | None:
    """The change from the round shown before the last shown one: {"points", "direction", "since"}."""
    shown = [(v, r) for v, r in zip(values, rounds, strict=True) if v is not None]
    if len(shown) < 2:
        return None
    (before, since), (now, _round) = shown[-2], shown[-1]
    points = now - before
    return {
        "points": points,
        "size": abs(points),
        "direction": "up" if points > 0 else "down" if points < 0 else "same",
        "since": since,
    }
