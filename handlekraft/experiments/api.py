"""API for experiments (DESIGN §5), with the same validation as the forms."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from handlekraft.lib.cpr import FreeText
from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.models import Unit

from .models import Experiment
from .rules import can_start_experiment_in

router = Router(tags=["prøvehandlinger"])


class ExperimentIn(Schema):
    title: FreeText = Field(min_length=1, max_length=200)
    unit: str
    hypothesis: FreeText = Field(min_length=1)
    action: FreeText = Field(min_length=1)
    measure: FreeText = Field(min_length=1)
    success: FreeText = Field(min_length=1)
    start: date
    end: date
    decision_area: int | None = None


class ExperimentOut(Schema):
    id: int
    title: str
    unit: str
    hypothesis: str
    action: str
    measure: str
    success: str
    start: date
    end: date
    decision_area: int | None
    status: str
    needs_approval: bool
    url: str


class ExperimentsOut(Schema):
    results: list[ExperimentOut]


def out(experiment: Experiment) -> dict:
    return {
        "id": experiment.pk,
        "title": experiment.title,
        "unit": experiment.unit.external_id,
        "hypothesis": experiment.hypothesis,
        "action": experiment.action,
        "measure": experiment.measure,
        "success": experiment.success,
        "start": experiment.start,
        "end": experiment.end,
        "decision_area": experiment.decision_area_id,
        "status": experiment.status,
        "needs_approval": experiment.needs_approval,
        "url": experiment.get_absolute_url(),
    }


@router.get("/experiments", response=ExperimentsOut, summary="Prøvehandlinger (filtrér med unit og status)")
def experiments(request, unit: str = "", status: str = "", limit: int = 100):
    queryset = Experiment.objects.select_related("unit", "decision_area")
    if unit:
        queryset = queryset.filter(Q(unit__external_id=unit))
    if status:
        queryset = queryset.filter(status=status)
    return {"results": [out(e) for e in queryset.order_by("-start")[: max(1, min(limit, 200))]]}


@router.get("/experiments/{experiment_id}", response=ExperimentOut, summary="Én prøvehandling")
def experiment(request, experiment_id: int):
    return out(
        get_object_or_404(Experiment.objects.select_related("unit", "decision_area"), pk=experiment_id)
    )


@router.post("/experiments", response={201: ExperimentOut}, summary="Opret en prøvehandling (som idé)")
def create_experiment(request, payload: ExperimentIn):
    unit = Unit.objects.filter(external_id=payload.unit).first()
    if unit is None:
        raise HttpError(422, f"Enheden {payload.unit} findes ikke.")
    if not can_start_experiment_in(request.user, unit):
        raise HttpError(403, "Du kan kun oprette prøvehandlinger i din egen enhed.")
    if payload.end < payload.start:
        raise HttpError(422, "Slutdatoen skal ligge efter startdatoen.")
    area = None
    if payload.decision_area is not None:
        in_force = {a.pk: a for a in DecisionArea.objects.for_unit(unit)}
        area = in_force.get(payload.decision_area)
        if area is None:
            raise HttpError(422, "Beslutningsområdet gælder ikke for enheden.")
    experiment = Experiment.objects.create(
        unit=unit,
        title=payload.title,
        hypothesis=payload.hypothesis,
        action=payload.action,
        measure=payload.measure,
        success=payload.success,
        start=payload.start,
        end=payload.end,
        decision_area=area,
        created_by=request.user,
    )
    experiment.owners.add(request.user)
    return Status(201, out(experiment))
