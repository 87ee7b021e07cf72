"""'Spørg om råderummet': asking, answering and the leader's list of open questions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from handlekraft.notifications.services import notify
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Membership, Role, Unit

from .forms import AnswerForm, QuestionForm
from .models import MandateQuestion
from .rules import can_answer_question, can_see_unlearning, can_view_question, own_unit_or_404


def leaders_for(unit: Unit, asker=None) -> list:
    """The leaders closest to the unit: its own, or else those of the nearest unit above with a leader.

    A leader who asks about their own unit's råderum asks the leader above (a middle manager's mandate is
    set by the unit above), never themselves.
    """
    lineage = unit.lineage_ids
    memberships = Membership.objects.filter(
        unit_id__in=lineage, role=Role.LEADER, user__is_active=True
    ).select_related("user")
    by_unit: dict[int, list] = {}
    for m in memberships:
        by_unit.setdefault(m.unit_id, []).append(m.user)
    for pk in reversed(lineage):
        leaders = [u for u in by_unit.get(pk, []) if asker is None or u.pk != asker.pk]
        if leaders:
            return leaders
    return []


def open_questions_for_leader(user):
    """Open questions from the units this person leads (and the units below them): one query."""
    led = [m.unit.path for m in user.memberships if m.role == Role.LEADER]
    if not led:
        return MandateQuestion.objects.none()
    condition = Q()
    for path in led:
        condition |= Q(unit__path__startswith=path)
    open_questions = MandateQuestion.objects.filter(condition, status=MandateQuestion.Status.OPEN)
    return open_questions.exclude(asker=user).select_related("unit", "asker")


@login_required
@require_POST
def ask(request: SignedInRequest) -> HttpResponse:
    unit = own_unit_or_404(request.user)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return render(request, "mandates/ask.html", {"form": form, "unit": unit}, status=400)
    question = form.save(commit=False)
    question.asker, question.unit = request.user, unit
    question.save()
    notify(
        leaders_for(unit, asker=request.user),
        "mandate_question",
        format_lazy(gettext_lazy("Nyt spørgsmål om råderummet fra {}"), request.user.name),
        question.text,
        question.get_absolute_url(),
    )
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
            notify_answer(question)
            messages.success(request, _("Svaret er sendt."))
            return redirect(question)
    return render(
        request, "mandates/question.html", {"question": question, "form": form, "can_answer": can_answer}
    )


def notify_answer(question: MandateQuestion) -> None:
    notify(
        [question.asker],
        "mandate_answer",
        gettext_lazy("Dit spørgsmål om råderummet er besvaret"),
        question.answer_text,
        question.get_absolute_url(),
    )


@login_required
def my_questions(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "mandates/questions.html",
        {
            "asked": MandateQuestion.objects.filter(asker=request.user).select_related("unit")[:50],
            "to_answer": open_questions_for_leader(request.user)[:50],
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
