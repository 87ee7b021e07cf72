"""'Spørg om råderummet': asking, answering and the leader's list of open questions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import AnswerForm, QuestionForm
from ..models import MandateQuestion
from ..rules import can_answer_question, can_see_unlearning, can_view_question, own_unit_or_404


@login_required
@require_POST
def ask(request: SignedInRequest) -> HttpResponse:
    unit = own_unit_or_404(request.user)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return render(request, "mandates/ask.html", {"form": form, "unit": unit}, status=400)
    question = form.save(commit=False)
    question.send(request.user, unit)
    messages.success(request, _("Dit spørgsmål er sendt til din leder. Du får besked, når det er besvaret."))
    return redirect(question)


@login_required
def question_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        MandateQuestion.objects.select_related("unit", "asker", "answer_area"), pk=pk
    )
    if not can_view_question(request.user, question):
        raise PermissionDenied
    can_answer = (
        can_answer_question(request.user, question) and question.status == MandateQuestion.Status.OPEN
    )
    form = AnswerForm(request.POST or None, unit=question.unit, user=request.user) if can_answer else None
    if request.method == "POST":
        if not can_answer or form is None:
            raise PermissionDenied
        if form.is_valid():
            area = form.cleaned_data["area"]
            with transaction.atomic():
                question.answer(request.user, area, form.cleaned_data["text"])
                if form.cleaned_data["searchable"]:
                    area.make_question_searchable(form.cleaned_data["searchable"], request.user)
            question.tell_the_asker()
            messages.success(request, _("Svaret er sendt."))
            return redirect(question)
    return render(
        request, "mandates/question.html", {"question": question, "form": form, "can_answer": can_answer}
    )


@login_required
def my_questions(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "mandates/questions.html",
        {
            "asked": MandateQuestion.objects.filter(asker=request.user).select_related("unit")[:50],
            "to_answer": MandateQuestion.objects.open_for_leader(request.user)[:50],
        },
    )


@login_required
def unlearning(request: SignedInRequest) -> HttpResponse:
    """Aflæring for HU and HR: the share of questions whose answer was already "yes, you decide"."""
    root = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    if not can_see_unlearning(request.user, root):
        raise PermissionDenied
    areas = list(Unit.objects.filter(depth=1).order_by("name"))
    rows: dict[int, dict[str, Any]] = {a.pk: {"unit": a, "answered": 0, "allowed": 0} for a in areas}
    total: dict[str, Any] = {"answered": 0, "allowed": 0}
    answered = MandateQuestion.objects.filter(status=MandateQuestion.Status.ANSWERED).values_list(
        "unit__path", "already_allowed"
    )
    for path, allowed in answered.iterator():
        total["answered"] += 1
        total["allowed"] += allowed
        ids = path.strip("/").split("/")
        if len(ids) > 1 and int(ids[1]) in rows:
            rows[int(ids[1])]["answered"] += 1
            rows[int(ids[1])]["allowed"] += allowed
    for row in [*rows.values(), total]:
        row["share"] = round(100 * row["allowed"] / row["answered"]) if row["answered"] else None
    return render(request, "mandates/unlearning.html", {"rows": rows.values(), "total": total, "root": root})
