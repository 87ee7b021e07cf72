"""Answering a pulse without an account: /puls/ with a single-use code, phone first."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.lib.forms import DKFDSForm

from . import services
from .models import SCALE, AnswerCode, Survey

DONT_KNOW = "vedikke"


class CodeForm(DKFDSForm):
    kode = forms.CharField(
        label=gettext_lazy("Din svarkode"),
        max_length=20,
        help_text=gettext_lazy("Koden står i din e-mail eller på den seddel, du har fået. Fx ABCDE-FGH23."),
    )


def survey_for(raw: str) -> tuple[Survey | None, str]:
    """The survey a code opens, or None and a clear Danish message."""
    code = AnswerCode.objects.select_related("survey").filter(code_hash=AnswerCode.hash(raw)).first()
    if code is None:
        return None, _("Koden findes ikke. Tjek, at du har skrevet den rigtigt.")
    if code.used:
        return None, _("Koden er allerede brugt. Hver kode kan kun bruges én gang.")
    if code.survey.status == Survey.Status.PLANNED:
        return None, _("Målingen er ikke åbnet endnu.")
    if code.survey.status == Survey.Status.CLOSED:
        return None, _("Målingen er lukket, så der kan ikke svares mere.")
    return code.survey, ""


def answer(request: HttpRequest) -> HttpResponse:
    raw = (request.POST.get("kode") or request.GET.get("kode") or "").strip()
    if not raw:
        return render(request, "pulse/code.html", {"form": CodeForm()})
    survey, problem = survey_for(raw)
    if survey is None:
        form = CodeForm({"kode": raw})
        form.is_valid()
        form.add_error("kode", problem)
        return render(request, "pulse/code.html", {"form": form})
    items = list(survey.items.select_related("construct"))
    for item in items:  # what the person ticked survives an error
        item.chosen = request.POST.get(item.key, "") if request.method == "POST" else ""
    error = ""
    if request.method == "POST":
        answers = {}
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
            "error": error,
            "comment": request.POST.get("comment", "") if request.method == "POST" else "",
        },
    )
