"""API for experiments (DESIGN §5), with the same validation as the forms."""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from handlekraft.lib.cpr import TEXT_MAX, FreeText
from handlekraft.mandates.models import TEAM_DECIDES_FROM, DecisionArea
from handlekraft.mandates.search import suggest_area
from handlekraft.organisation.api import UnitId, named_unit

from .models import Experiment, Proposal
from .rules import can_start_experiment_in

router = Router(tags=["prøvehandlinger"])


class ExperimentIn(Schema):
    title: FreeText = Field(min_length=1, max_length=200)
    unit: UnitId
    hypothesis: FreeText = Field(min_length=1, max_length=TEXT_MAX)
    action: FreeText = Field(min_length=1, max_length=TEXT_MAX)
    measure: FreeText = Field(min_length=1, max_length=TEXT_MAX)
    success: FreeText = Field(min_length=1, max_length=TEXT_MAX)
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
    unit = named_unit(request, payload.unit, own_by_default=False)
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
    else:
        # Nobody linked an area: one the text is clearly about, that the team cannot decide alone, is linked,
        # so the experiment needs approval as it would on the page.
        suggested = suggest_area(unit, payload.title, payload.action)
        if suggested is not None and suggested.level < TEAM_DECIDES_FROM:
            area = suggested
    experiment = Experiment(
        title=payload.title,
        hypothesis=payload.hypothesis,
        action=payload.action,
        measure=payload.measure,
        success=payload.success,
        start=payload.start,
        end=payload.end,
        decision_area=area,
    )
    experiment.save_new(unit, request.user)
    return Status(201, out(experiment))


class ProposalIn(Schema):
    title: FreeText = Field(min_length=1, max_length=200)
    problem: FreeText = Field(min_length=1, max_length=TEXT_MAX)
    proposal: FreeText = Field(min_length=1, max_length=TEXT_MAX)
    rule_owner: Literal["team", "municipality", "law"]
    unit: str = Field("", max_length=100)
    hours_per_month: float = Field(default=0, ge=0, le=744, strict=True)  # a month has at most 744 hours
    routed_to: str = Field("central", max_length=100)


class ProposalOut(Schema):
    id: int
    title: str
    problem: str
    proposal: str
    rule_owner: str
    unit: str
    hours_per_month: float
    status: str
    routed_to: str
    url: str


class ProposalsOut(Schema):
    results: list[ProposalOut]


def proposal_out(proposal: Proposal) -> dict:
    return {
        "id": proposal.pk,
        "title": proposal.title,
        "problem": proposal.problem,
        "proposal": proposal.proposal,
        "rule_owner": proposal.rule_owner,
        "unit": proposal.unit.external_id,
        "hours_per_month": float(proposal.hours_per_month),
        "status": proposal.status,
        "routed_to": proposal.routed_label,
        "url": proposal.get_absolute_url(),
    }


@router.get("/proposals", response=ProposalsOut, summary="Forenklingsforslag (filtrér med status)")
def proposals(request, status: str = "", limit: int = 100):
    queryset = Proposal.objects.select_related("unit", "routed_to")
    if status:
        queryset = queryset.filter(status=status)
    return {"results": [proposal_out(p) for p in queryset[: max(1, min(limit, 200))]]}


@router.post("/proposals", response={201: ProposalOut}, summary="Send et forenklingsforslag")
def create_proposal(request, payload: ProposalIn):
    unit = named_unit(request, payload.unit)
    if not can_start_experiment_in(request.user, unit):
        raise HttpError(403, "Du kan kun sende forslag fra din egen enhed.")
    owner = None
    if payload.rule_owner == Proposal.RuleOwner.MUNICIPALITY and payload.routed_to != "central":
        owner = named_unit(request, payload.routed_to, own_by_default=False)
    proposal = Proposal(
        title=payload.title,
        problem=payload.problem,
        proposal=payload.proposal,
        rule_owner=payload.rule_owner,
        unit=unit,
        proposer=request.user,
        hours_per_month=payload.hours_per_month,
    )
    proposal.submit(owner)
    return Status(201, proposal_out(proposal))
