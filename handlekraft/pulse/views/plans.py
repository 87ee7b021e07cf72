"""Dialogue and action plans after a survey: suggestions that follow the weakest conditions, the unit's
actions, and HU's overview of the plans across areas."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from handlekraft.dialogue.models import MeetingTemplate
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import ActionForm
from ..models import Action, ActionPlan, Survey
from ..results import SurveyResults
from ..rules import can_edit_action_plan, can_see_all_action_plans, can_see_results

WEAKEST = 2


def suggestions(construct_key: str, unit: Unit) -> list[tuple[str, str]]:
    """What a unit can do about a weak condition: (text, link)."""
    follow_up = MeetingTemplate.objects.filter(name="Opfølgning på arbejdsmiljørapporten").first()
    workshop = MeetingTemplate.objects.filter(name="Råderumsworkshop").first()
    meeting = reverse("dialogue:create") + (f"?skabelon={follow_up.pk}" if follow_up else "")
    by_key = {
        "raaderum": [
            (
                _("Hold en råderumsworkshop"),
                reverse("dialogue:create") + (f"?skabelon={workshop.pk}" if workshop else ""),
            ),
            (
                _("Spil delegationspoker om jeres råderum"),
                reverse("mandates:poker-start", args=[unit.external_id]),
            ),
        ],
        "anerkendelse": [
            (_("Del og anerkend gode historier"), reverse("stories:feed")),
            (_("Fortæl en historie om noget, der lykkedes"), reverse("stories:create")),
        ],
        "tryghed": [
            (_("Del en lærende historie om noget, der ikke gik som ventet"), reverse("stories:create"))
        ],
        "handlekraft": [
            (_("Foreslå at forenkle en regel eller arbejdsgang"), reverse("experiments:proposal-create"))
        ],
        "helhed": [(_("Start en prøvehandling sammen med et andet team"), reverse("experiments:create"))],
    }
    return [*by_key.get(construct_key, []), (_("Drøft resultatet på et dialogmøde"), meeting)]


@login_required
def action_plan(request: SignedInRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    unit = (
        get_object_or_404(Unit, external_id=request.GET.get("enhed", ""))
        if request.GET.get("enhed")
        else (request.user.primary_unit or survey.unit)
    )
    if not can_see_results(request.user, unit):
        raise PermissionDenied
    editable = can_edit_action_plan(request.user, unit) and survey.status == Survey.Status.CLOSED
    results = SurveyResults.for_survey(survey, [unit])
    mine = results.for_unit(unit)
    constructs = results.constructs_of_survey()
    scored = sorted(
        ((mine.scores.get(c.key), c) for c in constructs if mine.scores.get(c.key) is not None),
        key=lambda x: (x[0], x[1].order),
    )
    weakest = [
        {"construct": c, "score": s, "suggestions": suggestions(c.key, unit)} for s, c in scored[:WEAKEST]
    ]
    plan = ActionPlan.objects.filter(survey=survey, unit=unit).first()
    form = ActionForm(request.POST or None, unit=unit, constructs=constructs)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if request.POST.get("status_for"):
            action = get_object_or_404(
                Action, pk=request.POST["status_for"], plan__survey=survey, plan__unit=unit
            )
            if request.POST.get("status") in Action.Status.values:
                action.set_status(request.POST["status"])
                messages.success(request, _("Status er opdateret."))
            return redirect(f"{request.path}?enhed={unit.external_id}")
        if form.is_valid():
            ActionPlan.add_action(survey, unit, form.save(commit=False))
            messages.success(request, _("Handlingen er tilføjet til handleplanen."))
            return redirect(f"{request.path}?enhed={unit.external_id}")
    actions = list(plan.actions.select_related("owner", "construct")) if plan else []
    return render(
        request,
        "pulse/action_plan.html",
        {
            "survey": survey,
            "unit": unit,
            "plan": plan,
            "mine": mine,
            "weakest": weakest,
            "actions": actions,
            "form": form if editable else None,
            "statuses": Action.Status.choices,
        },
    )


@login_required
def plans_overview(request: SignedInRequest, pk: int) -> HttpResponse:
    """HU's view: the action plans' status across the areas."""
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    if not can_see_all_action_plans(request.user):
        raise PermissionDenied
    areas = {
        u.pk: u for u in Unit.objects.filter(path__startswith=survey.unit.path, depth=survey.unit.depth + 1)
    }
    rows: dict[int | None, dict[str, Any]] = {
        pk: {"area": area, "plans": 0, "statuses": Counter()} for pk, area in areas.items()
    }
    plans = ActionPlan.objects.filter(survey=survey).select_related("unit").prefetch_related("actions")
    for plan in plans:
        area_id = (
            plan.unit.lineage_ids[survey.unit.depth + 1] if plan.unit.depth > survey.unit.depth else None
        )
        if area_id in rows:
            rows[area_id]["plans"] += 1
            rows[area_id]["statuses"].update(a.status for a in plan.actions.all())
    table = [
        {
            **row,
            "planned": row["statuses"]["planlagt"],
            "running": row["statuses"]["igang"],
            "done": row["statuses"]["gennemfoert"],
        }
        for row in sorted(rows.values(), key=lambda r: r["area"].name)
    ]
    return render(request, "pulse/plans_overview.html", {"survey": survey, "rows": table})
