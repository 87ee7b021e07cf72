"""Answering a pulse without an account (/puls/, with a single-use code, phone first), and reading the
results (/maaling/), only ever as suppressed aggregates."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from . import services
from .forms import CodeForm
from .models import SCALE, AnswerCode, Response, Survey
from .results import SurveyResults, comparable_rounds, organisation_units
from .rules import can_run_surveys, can_see_results, can_see_survey, can_see_units_below

DONT_KNOW = "vedikke"


def survey_for(raw: str) -> tuple[Survey | None, str]:
    """The survey a code opens, or None and a clear Danish message."""
    code = AnswerCode.objects.select_related("survey").filter(code_hash=AnswerCode.hash(raw)).first()
    if refused := services.why_not(code):
        return None, refused.message
    assert code is not None
    return code.survey, ""


ANSWERING = "svar"  # the answer form's hidden field: the answers are sent, not only the code


def answer(request: HttpRequest) -> HttpResponse:
    """The code is taken only by POST, so it never stands in a URL that reaches an access log (a link in
    an e-mail or a slip's QR code carries it in the fragment, which static/js/handlekraft.js moves into
    the field)."""
    if request.method == "GET" and request.GET:
        return redirect(request.path)  # an old link's ?kode=: not echoed into the page's own links
    raw = (request.POST.get("kode") or "").strip() if request.method == "POST" else ""
    if not raw:
        return render(request, "pulse/code.html", {"form": CodeForm()})
    survey, problem = survey_for(raw)
    if survey is None:
        form = CodeForm({"kode": raw})
        form.is_valid()
        form.add_error("kode", problem)
        return render(request, "pulse/code.html", {"form": form})
    answering = ANSWERING in request.POST
    items = list(survey.items.select_related("construct"))
    for item in items:  # what the person ticked survives an error
        item.chosen = request.POST.get(item.key, "") if answering else ""
    error = ""
    if answering:
        answers: dict[str, int | None] = {}
        for item in items:
            value = request.POST.get(item.key, "")
            if value.isdigit() and 0 <= int(value) <= 4:
                answers[item.key] = int(value)
            elif value == DONT_KNOW:
                answers[item.key] = None
        try:
            services.answer(raw, answers, request.POST.get("comment", ""))
        except services.Refused as refused:
            error = refused.message
        else:
            return render(request, "pulse/thanks.html", {"survey": survey})
    return render(
        request,
        "pulse/answer.html",
        {
            "survey": survey,
            "items": items,
            "scale": SCALE,
            "dont_know": DONT_KNOW,
            "code": raw,
            "answering": ANSWERING,
            "error": error,
            "comment": request.POST.get("comment", "") if answering else "",
        },
    )


SPARK_WIDTH, SPARK_HEIGHT = 120, 32


def sparkline(values: list[int | None]) -> list[dict]:
    """Bars for a small SVG chart of 0–100 scores, one per round (the table beside it holds the numbers)."""
    if not values:
        return []
    width = SPARK_WIDTH / len(values)
    bars = []
    for i, value in enumerate(values):
        height = 0 if value is None else max(1, round(value / 100 * SPARK_HEIGHT))
        # Strings: the template would write 1,5 in Danish, and SVG wants 1.5.
        bars.append(
            {"x": f"{i * width + 1:.1f}", "y": SPARK_HEIGHT - height, "w": f"{width - 2:.1f}", "h": height}
        )
    return bars


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
    org = organisation_units(survey)  # results exist only for the units the survey asked
    unit = _unit_shown(request, survey, org)
    if not can_see_results(request.user, unit):
        raise PermissionDenied
    subtree_view = can_see_units_below(request.user, unit)
    all_rounds = SurveyResults.series(
        survey, [unit, survey.unit], children_of=unit if subtree_view else None, org=org
    )
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
            "trend": _trend(series, unit, constructs, current.threshold),
            "rounds": [r.survey.round for r in series],
            "scale": SCALE,
            "comments": _comments_shown(survey, unit, current),
            "threshold": current.threshold,
        },
    )


def _unit_shown(request: SignedInRequest, survey: Survey, org: dict) -> Unit:
    """The unit asked for (?enhed=), else the person's own unit among those the survey asked, else the
    survey's unit."""
    if external_id := request.GET.get("enhed"):
        unit = next((u for u in org.values() if u.external_id == external_id), None)
        if unit is None:
            raise Http404
        return unit
    own = request.user.primary_unit
    return org.get(own.pk, survey.unit) if own is not None else survey.unit


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


def _trend(series: list, unit: Unit, constructs, threshold: int) -> list[dict]:
    """Per construct, the unit's score in each closed round; a round whose number of responses could
    point at people who came or left (comparable_rounds) is left out."""
    in_rounds = [r.for_unit(unit) for r in series]
    comparable = comparable_rounds([r.responses for r in in_rounds], threshold)
    per_round = [r.scores if ok else {} for r, ok in zip(in_rounds, comparable, strict=True)]
    return [
        {
            "construct": c,
            "values": [scores.get(c.key) for scores in per_round],
            "bars": sparkline([scores.get(c.key) for scores in per_round]),
        }
        for c in constructs
    ]
