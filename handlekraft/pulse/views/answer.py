"""Answering a pulse without an account (/puls/, with a single-use code, phone first)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .. import services
from ..forms import CodeForm
from ..models import SCALE, AnswerCode, Survey

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
