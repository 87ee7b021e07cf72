from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import BoardFilterForm, DeclineForm, ExperimentForm, LearningForm
from ..models import Experiment
from ..rules import can_decide_experiment, can_edit_experiment, can_start_experiment_in

Status = Experiment.Status
BOARD_LIMIT = 60  # per column


def experiments_with_relations():
    return Experiment.objects.select_related("unit", "decision_area").prefetch_related("owners")


@login_required
def board(request: SignedInRequest) -> HttpResponse:
    """'Hvad prøver andre?': experiments by status, across the organisation or one unit's subtree."""
    units = [(u.external_id, u.name) for u in Unit.objects.filter(depth__lte=2).order_by("path")]
    own = request.user.primary_unit
    if own and own.external_id not in dict(units):
        units.append((own.external_id, own.name))
    areas = DecisionArea.objects.filter(experiments__isnull=False).distinct().order_by("title")
    form = BoardFilterForm(request.GET or None, areas=areas, units=units)
    experiments = Experiment.objects.select_related("unit", "decision_area")
    if form.is_valid():
        if external_id := form.cleaned_data["enhed"]:
            unit = Unit.objects.filter(external_id=external_id).first()
            experiments = experiments.filter(unit__path__startswith=unit.path) if unit else experiments.none()
        if theme := form.cleaned_data["tema"]:
            experiments = experiments.filter(theme=theme)
        if area := form.cleaned_data["omraade"]:
            experiments = experiments.filter(decision_area=area)
    columns: dict[str, dict[str, Any]] = {
        value: {"label": label, "items": []} for value, label in Status.choices
    }
    for experiment in experiments.order_by("-start")[: BOARD_LIMIT * len(columns)]:
        if len(columns[experiment.status]["items"]) < BOARD_LIMIT:
            columns[experiment.status]["items"].append(experiment)
    return render(request, "experiments/board.html", {"form": form, "columns": columns.values(), "own": own})


@login_required
def create(request: SignedInRequest) -> HttpResponse:
    unit = request.user.primary_unit
    if external_id := request.GET.get("enhed"):
        unit = get_object_or_404(Unit, external_id=external_id)
    if unit is None:
        raise Http404(_("Du er ikke knyttet til en enhed."))
    if not can_start_experiment_in(request.user, unit):
        raise PermissionDenied
    today = timezone.localdate()
    initial = {"owners": [request.user.pk], "start": today, "end": today + timedelta(weeks=8)}
    form = ExperimentForm(request.POST or None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        experiment = form.save(commit=False)
        experiment.save_new(unit, request.user, form.save_m2m)
        messages.success(request, _("Prøvehandlingen er gemt som idé. Start den, når I er klar."))
        return redirect(experiment)
    return render(request, "experiments/edit.html", {"form": form, "unit": unit, "experiment": None})


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    experiment = get_object_or_404(experiments_with_relations(), pk=pk)
    can_edit = can_edit_experiment(request.user, experiment)
    evaluate = can_edit and experiment.status in (Status.RUNNING, Status.EVALUATING)
    return render(
        request,
        "experiments/detail.html",
        {
            "experiment": experiment,
            "can_edit": can_edit,
            "can_decide": can_decide_experiment(request.user, experiment)
            and experiment.status == Status.AWAITING,
            "decline_form": DeclineForm(),
            "learning_form": LearningForm(instance=experiment) if evaluate else None,
        },
    )


@login_required
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    experiment = get_object_or_404(experiments_with_relations(), pk=pk)
    if not can_edit_experiment(request.user, experiment):
        raise PermissionDenied
    form = ExperimentForm(request.POST or None, instance=experiment, unit=experiment.unit)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_unless_changed(
            form, form.cleaned_data.get("version"), lambda saved: saved.keep_an_owner(request.user)
        )
        if conflict is None:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(experiment)
        # Someone saved in between: show theirs, keep yours in the fields, and save from theirs next time.
        form = form_after_conflict(ExperimentForm, request.POST, conflict, unit=experiment.unit)
    return render(
        request,
        "experiments/edit.html",
        {"form": form, "unit": experiment.unit, "experiment": experiment, "conflict": conflict},
    )


@login_required
@require_POST
def start(request: SignedInRequest, pk: int) -> HttpResponse:
    """Starts the experiment, or asks the leader first when it lies outside what the team decides alone."""
    experiment = get_object_or_404(experiments_with_relations(), pk=pk)
    if not can_edit_experiment(request.user, experiment):
        raise PermissionDenied
    if experiment.status != Status.IDEA:
        return redirect(experiment)
    if experiment.begin():
        messages.success(request, _("Prøvehandlingen er i gang. God fornøjelse!"))
    else:
        messages.info(
            request,
            _("Prøvehandlingen ligger uden for det, I selv beslutter. Lederen er bedt om at godkende den."),
        )
    return redirect(experiment)


@login_required
@require_POST
def decide(request: SignedInRequest, pk: int) -> HttpResponse:
    experiment = get_object_or_404(experiments_with_relations(), pk=pk)
    if not can_decide_experiment(request.user, experiment):
        raise PermissionDenied
    if experiment.status != Status.AWAITING:
        return redirect(experiment)
    approve = request.POST.get("decision") == "approve"
    form = DeclineForm(request.POST)
    if not approve and not form.is_valid():
        return render(
            request,
            "experiments/detail.html",
            {"experiment": experiment, "can_decide": True, "decline_form": form, "can_edit": True},
            status=400,
        )
    experiment.decide(request.user, approve, form.cleaned_data["reason"] if not approve else "")
    messages.success(request, _("Beslutningen er sendt til ejerne."))
    return redirect(experiment)


@login_required
@require_POST
def evaluate(request: SignedInRequest, pk: int) -> HttpResponse:
    experiment = get_object_or_404(experiments_with_relations(), pk=pk)
    if not can_edit_experiment(request.user, experiment):
        raise PermissionDenied
    form = LearningForm(request.POST, instance=experiment)
    conflict = None
    if form.is_valid():
        conflict = save_unless_changed(form, form.cleaned_data.get("version"), also={"status": Status.DONE})
        if conflict is not None:
            messages.error(
                request,
                _(
                    "Prøvehandlingen er ændret af en anden, mens du skrev. "
                    "Din tekst står i felterne: gem igen."
                ),
            )
            form = form_after_conflict(LearningForm, request.POST, conflict)
    if not form.is_valid() or conflict is not None:
        context = {
            "experiment": experiment,
            "can_edit": True,
            "learning_form": form,
            "decline_form": DeclineForm(),
        }
        return render(request, "experiments/detail.html", context, status=409 if conflict else 400)
    messages.success(request, _("Læringskortet er gemt. Tak fordi I delte, hvad I lærte."))
    return redirect(experiment)
