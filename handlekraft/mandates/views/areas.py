from __future__ import annotations

import difflib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import DecisionAreaForm, QuestionForm, SearchForm
from ..models import DecisionArea, Level, MandateQuestion, unlearning_share
from ..rules import can_answer_question, can_edit_area, can_edit_mandates_of, own_unit_or_404
from ..search import can_i_decide


@login_required
def my_mandates(request: SignedInRequest) -> HttpResponse:
    return redirect("mandates:unit", own_unit_or_404(request.user).external_id)


@login_required
def unit_mandates(request: SignedInRequest, external_id: str) -> HttpResponse:
    """'Vores råderum': what the unit may decide, its own areas and those inherited from above."""
    unit = get_object_or_404(Unit, external_id=external_id)
    areas = DecisionArea.objects.for_unit(unit)
    can_edit = can_edit_mandates_of(request.user, unit)
    return render(
        request,
        "mandates/unit.html",
        {
            "unit": unit,
            "ancestors": unit.ancestors(),
            "local": [a for a in areas if not a.inherited],
            "inherited": [a for a in areas if a.inherited],
            "can_edit": can_edit,
            "levels": Level.choices,
            "unlearning": unlearning_share(MandateQuestion.objects.filter(unit__path__startswith=unit.path))
            if can_edit
            else None,
        },
    )


@login_required
def area_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    area = get_object_or_404(DecisionArea.objects.select_related("unit"), pk=pk)
    ancestors, coordinate = ancestors_and_coordinated_units(area)
    return render(
        request,
        "mandates/area.html",
        {
            "area": area,
            "ancestors": [*ancestors, area.unit],
            "coordinate": coordinate,
            "versions": list(area.versions.select_related("changed_by")[:20]),
            "can_edit": can_edit_area(request.user, area),
            "levels": Level.choices,
        },
    )


def ancestors_and_coordinated_units(area: DecisionArea) -> tuple[list[Unit], list[Unit]]:
    """The unit's ancestors (root first) and the units to coordinate with (by name), in one query."""
    links = DecisionArea.coordinate_with.through.objects.filter(decisionarea_id=area.pk)
    units = list(
        Unit.objects.filter(Q(pk__in=area.unit.ancestor_ids) | Q(pk__in=links.values("unit_id"))).annotate(
            coordinated=Exists(links.filter(unit_id=OuterRef("pk")))
        )
    )
    by_id = {u.pk: u for u in units}
    ancestors: list[Unit] = [by_id[pk] for pk in area.unit.ancestor_ids if pk in by_id]
    coordinated: list[Unit] = sorted((u for u in units if u.coordinated), key=lambda u: u.name)
    return ancestors, coordinated


@login_required
def area_create(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    if not can_edit_mandates_of(request.user, unit):
        raise PermissionDenied
    # A leader may create the area straight from an employee's question ("Spørg om råderummet").
    question = None
    if question_id := request.GET.get("spoergsmaal", ""):
        question = MandateQuestion.objects.filter(
            pk=int(question_id) if question_id.isdigit() else 0, status=MandateQuestion.Status.OPEN
        ).first()
        if question is not None and not can_answer_question(request.user, question):
            question = None
    initial: dict[str, Any] = {"status": DecisionArea.Status.IN_FORCE}
    if question is not None:
        initial.update(
            title=question.text[:200], description=question.text, note=_("Oprettet ud fra et spørgsmål")
        )
    form = DecisionAreaForm(request.POST or None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            area = form.save(commit=False)
            area.save_first_version(unit, request.user, form.cleaned_data["note"], form.save_m2m)
            if question is not None:
                question.answer(
                    request.user,
                    area,
                    _("Vi har beskrevet det i råderummet under »%(title)s«: %(answer)s")
                    % {"title": area.title, "answer": area.answer},
                    new_area=True,
                )
        if question is not None:
            question.tell_the_asker()
        messages.success(request, _("Beslutningsområdet »%(title)s« er oprettet.") % {"title": area.title})
        return redirect(area)
    return render(
        request, "mandates/edit.html", {"form": form, "unit": unit, "area": None, "question": question}
    )


@login_required
def area_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """Edit with optimistic locking: a concurrent save shows a conflict, and nobody's text is lost."""
    area = get_object_or_404(DecisionArea.objects.select_related("unit"), pk=pk)
    if not can_edit_area(request.user, area):
        raise PermissionDenied
    form = DecisionAreaForm(request.POST or None, instance=area, unit=area.unit)
    conflict = None
    if request.method == "POST" and form.is_valid():

        def record(saved: DecisionArea) -> None:
            saved.record_version(request.user, form.cleaned_data["note"])

        conflict = save_unless_changed(
            form, form.cleaned_data["version"], record, also={"updated_by": request.user}
        )
        if conflict is None:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(form.instance)
        # Keep what this person wrote; let the next save knowingly build on the newest version.
        form = form_after_conflict(DecisionAreaForm, request.POST, conflict, unit=area.unit)
    return render(
        request, "mandates/edit.html", {"form": form, "unit": area.unit, "area": area, "conflict": conflict}
    )


@login_required
@require_POST
def area_archive(request: SignedInRequest, pk: int) -> HttpResponse:
    area = get_object_or_404(DecisionArea.objects.select_related("unit"), pk=pk)
    if not can_edit_area(request.user, area):
        raise PermissionDenied
    area.archive(request.user)
    messages.success(request, _("»%(title)s« er arkiveret.") % {"title": area.title})
    return redirect("mandates:unit", area.unit.external_id)


FIELD_LABELS = {
    "title": DecisionArea._meta.get_field("title").verbose_name,
    "description": DecisionArea._meta.get_field("description").verbose_name,
    "level": DecisionArea._meta.get_field("level").verbose_name,
    "desired_level": DecisionArea._meta.get_field("desired_level").verbose_name,
    "limits": DecisionArea._meta.get_field("limits").verbose_name,
    "limit_amount": DecisionArea._meta.get_field("limit_amount").verbose_name,
    "limit_period": DecisionArea._meta.get_field("limit_period").verbose_name,
    "inform": DecisionArea._meta.get_field("inform").verbose_name,
    "inform_when": DecisionArea._meta.get_field("inform_when").verbose_name,
    "examples": DecisionArea._meta.get_field("examples").verbose_name,
    "keywords": DecisionArea._meta.get_field("keywords").verbose_name,
    "asked": DecisionArea._meta.get_field("asked").verbose_name,
    "applies_to_subunits": DecisionArea._meta.get_field("applies_to_subunits").verbose_name,
    "status": DecisionArea._meta.get_field("status").verbose_name,
    "review_date": DecisionArea._meta.get_field("review_date").verbose_name,
}


def diff_versions(before: dict, after: dict) -> list[dict]:
    """Per changed field: the lines removed and added, for a readable diff."""
    changes = []
    for key, label in FIELD_LABELS.items():
        old, new = str(before.get(key, "") or ""), str(after.get(key, "") or "")
        if old == new:
            continue
        lines = list(difflib.ndiff(old.splitlines() or [""], new.splitlines() or [""]))
        changes.append(
            {
                "label": label,
                "removed": [line[2:] for line in lines if line.startswith("- ")],
                "added": [line[2:] for line in lines if line.startswith("+ ")],
            }
        )
    return changes


@login_required
def version_detail(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    area = get_object_or_404(DecisionArea.objects.select_related("unit"), pk=pk)
    pair = list(area.versions.filter(number__lte=number).select_related("changed_by")[:2])
    if not pair or pair[0].number != number:
        raise Http404
    version = pair[0]
    previous = pair[1].data if len(pair) > 1 else {}
    return render(
        request,
        "mandates/version.html",
        {"area": area, "version": version, "changes": diff_versions(previous, version.data)},
    )


@login_required
def search(request: SignedInRequest) -> HttpResponse:
    """'Må jeg selv?' for the person's own unit (or another unit they pick from its page)."""
    unit = own_unit_or_404(request.user)
    if external_id := request.GET.get("enhed"):
        unit = get_object_or_404(Unit, external_id=external_id)
    form = SearchForm(request.GET or None)
    answer = can_i_decide(unit, form.cleaned_data["q"]) if form.is_valid() else None
    ask_form = QuestionForm(initial={"text": form.cleaned_data["q"]}) if answer else None
    return render(
        request,
        "mandates/search.html",
        {"form": form, "answer": answer, "unit": unit, "levels": Level.choices, "ask_form": ask_form},
    )
