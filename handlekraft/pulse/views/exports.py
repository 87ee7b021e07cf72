"""Exports of pulse results, only ever as suppressed aggregates: an XLSX of the shown units and a report
for the MED committee in the style of an arbejdsmiljørapport (DOCX and PDF)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.lib.documents import (
    add_list,
    add_table,
    attachment,
    pdf_from_template,
    printable_sheet,
    saved,
    word_document,
)
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..models import ActionPlan, Survey
from ..results import SurveyResults
from ..rules import can_see_results, can_see_units_below
from .results import trend_rows


def chosen_unit(request: HttpRequest, pk: int) -> tuple[Survey, Unit]:
    """The survey and the unit asked for (?enhed=), if the person may read that unit's results."""
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    unit = get_object_or_404(Unit, external_id=request.GET.get("enhed") or survey.unit.external_id)
    if not can_see_results(request.user, unit):
        raise PermissionDenied
    return survey, unit


def chosen(request: HttpRequest, pk: int) -> tuple[Survey, Unit, SurveyResults]:
    survey, unit = chosen_unit(request, pk)
    return survey, unit, SurveyResults.for_survey(survey, [unit, survey.unit], subtree_of=unit)


@login_required
def xlsx(request: SignedInRequest, pk: int) -> HttpResponse:
    """Every shown unit in the chosen subtree that the person may see; suppressed units are left out."""
    survey, unit, results = chosen(request, pk)
    constructs = results.constructs_of_survey()
    from openpyxl import Workbook  # only when a workbook is made: it is slow to import

    book = Workbook()
    sheet = book.active
    sheet.title = _("Resultater")[:31]
    sheet.append([_("Enhed"), _("Eksternt id"), _("Besvarelser"), *[c.shown_name for c in constructs]])
    for member in sorted(results.units.values(), key=lambda u: u.path):
        if not member.is_within(unit) or not can_see_results(request.user, member):
            continue
        row = results.for_unit(member)
        if row.suppressed:
            continue
        sheet.append(
            [member.name, member.external_id, row.responses, *[row.scores.get(c.key) for c in constructs]]
        )
    printable_sheet(sheet, [36, 16, 12, *[18 for _c in constructs]])
    return attachment(saved(book), f"maaling-{survey.pk}-{unit.external_id}.xlsx")


# For the MED committee's discussion of the result (the report's last section, in the PDF and Word alike).
DISCUSSION = [
    gettext_lazy("Hvad genkender vi, og hvad overrasker os?"),
    gettext_lazy("Hvad lykkes vi med, som vi vil holde fast i?"),
    gettext_lazy("Hvor er rammerne uklare, så vi holder igen med at handle selv?"),
    gettext_lazy("Hvad vil vi gøre anderledes, hvem gør det, og hvornår følger vi op?"),
]


def change_text(change: dict | None) -> str:
    if change is None:
        return "–"
    if change["direction"] == "same":
        return _("uændret")
    sign = "+" if change["direction"] == "up" else "−"
    return f"{sign}{change['size']}"


def report_context(user, survey: Survey, unit: Unit) -> dict:
    """What the MED committee reads: the result beside the whole organisation's, the change since the
    rounds before, the units below (where the reader may see them), the action plan and the questions
    for the discussion. Suppression applies everywhere, as on the page."""
    below = can_see_units_below(user, unit)
    rounds = SurveyResults.series(survey, [unit, survey.unit], children_of=unit if below else None)
    current = next(r for r in rounds if r.survey.pk == survey.pk)
    mine, organisation = current.for_unit(unit), current.for_unit(survey.unit)
    constructs = current.constructs_of_survey()
    closed = [r for r in rounds if r.closed]
    plan = ActionPlan.objects.filter(survey=survey, unit=unit).prefetch_related("actions__owner").first()
    return {
        "survey": survey,
        "unit": unit,
        "mine": mine,
        "threshold": current.threshold,
        "rows": [
            {
                "name": c.shown_name,
                "mine": mine.scores.get(c.key),
                "organisation": organisation.scores.get(c.key),
            }
            for c in constructs
        ],
        "constructs": constructs,
        "rounds": [r.survey.round for r in closed],
        "trend": trend_rows(closed, unit, constructs, current.threshold) if len(closed) > 1 else [],
        "heatmap": [
            {"unit": r.unit, "cells": [r.scores.get(c.key) for c in constructs]}
            for r in (current.heatmap(unit) if below else [])
        ],
        "actions": list(plan.actions.all()) if plan else [],
        "discussion": DISCUSSION,
    }


@login_required
def report(request: SignedInRequest, pk: int, kind: str) -> HttpResponse:
    survey, unit = chosen_unit(request, pk)
    context = report_context(request.user, survey, unit)
    name = f"maaling-{survey.pk}-{unit.external_id}"
    if kind == "pdf":
        return attachment(pdf_from_template("pulse/report.html", context), f"{name}.pdf")
    document = word_document(survey.title, f"{survey.title} – {unit.name}")
    document.add_paragraph(_("Runde %(round)s") % {"round": survey.round})
    document.add_heading(_("Resultat"), level=1)
    if context["mine"].suppressed:
        document.add_paragraph(_("Resultatet vises ikke, fordi gruppen er for lille."))
    else:
        document.add_paragraph(
            _("%(n)s besvarelser. Scorer fra 0 til 100 – højere er bedre.") % {"n": context["mine"].responses}
        )
        header = [_("Forhold"), unit.name, _("Hele organisationen")]
        add_table(document, header, [[r["name"], r["mine"], r["organisation"]] for r in context["rows"]])
    if context["trend"]:
        document.add_heading(_("Udviklingen over runderne"), level=1)
        header = [_("Forhold"), *context["rounds"], _("Ændring")]
        rows = [[r["construct"].shown_name, *r["values"], change_text(r["change"])] for r in context["trend"]]
        add_table(document, header, rows)
    if context["heatmap"]:
        document.add_heading(_("Enhederne under"), level=1)
        header = [_("Enhed"), *[c.shown_name for c in context["constructs"]]]
        add_table(document, header, [[r["unit"].name, *r["cells"]] for r in context["heatmap"]])
    document.add_heading(_("Handleplan"), level=1)
    actions = [
        f"{a.text} ({a.owner.name if a.owner else '–'}, {a.due:%d.%m.%Y}, {a.get_status_display()})"
        for a in context["actions"] or []
    ]
    add_list(document, actions, _("Der er ingen handlinger endnu."))
    document.add_heading(_("Til drøftelsen i MED-udvalget"), level=1)
    add_list(document, [str(q) for q in DISCUSSION], "")
    return attachment(saved(document), f"{name}.docx")
