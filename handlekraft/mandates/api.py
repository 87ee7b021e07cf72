"""API for Råderum (DESIGN §5): search, list in force for a unit, and detail."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from handlekraft.organisation.api import named_unit

from .models import DecisionArea
from .search import can_i_decide

router = Router(tags=["råderum"])


class MandateOut(Schema):
    id: int
    title: str
    unit: str
    level: int
    answer: str
    limits: str
    inform: str
    url: str


class SearchResultOut(MandateOut):
    score: float


class SearchOut(Schema):
    clear: bool
    results: list[SearchResultOut]


class MandatesOut(Schema):
    results: list[MandateOut]


class MandateDetailOut(MandateOut):
    description: str
    examples: str
    keywords: list[str]
    status: str
    applies_to_subunits: bool
    inform_when: str
    limit_amount: str | None
    limit_period: str


def mandate_out(area: DecisionArea) -> dict:
    limits = area.limits
    if area.amount_text():
        limits = "\n".join(filter(None, [f"Højst {area.amount_text()}", area.limits]))
    return {
        "id": area.pk,
        "title": area.title,
        "unit": area.unit.external_id,
        "level": area.level,
        "answer": area.answer,
        "limits": limits,
        "inform": area.inform,
        "url": area.get_absolute_url(),
    }


@router.get("/mandates/search", response=SearchOut, summary="Må jeg selv? Søg i råderummet for en enhed")
def search(request, q: str = Query(..., min_length=1, max_length=200), unit: str = ""):
    if not q.strip():
        raise HttpError(422, "Skriv et spørgsmål i q.")
    answer = can_i_decide(named_unit(request, unit), q)
    return {
        "clear": answer.clear,
        "results": [{**mandate_out(r.area), "score": r.score} for r in answer.results],
    }


@router.get("/mandates", response=MandatesOut, summary="Beslutningsområder i kraft for en enhed")
def mandates(request, unit: str = ""):
    return {"results": [mandate_out(a) for a in DecisionArea.objects.for_unit(named_unit(request, unit))]}


@router.get("/mandates/{mandate_id}", response=MandateDetailOut, summary="Ét beslutningsområde")
def mandate(request, mandate_id: int):
    area = get_object_or_404(DecisionArea.objects.select_related("unit"), pk=mandate_id)
    return {
        **mandate_out(area),
        "description": area.description,
        "examples": area.examples,
        "keywords": area.keyword_list(),
        "status": area.status,
        "applies_to_subunits": area.applies_to_subunits,
        "inform_when": area.inform_when,
        "limit_amount": str(area.limit_amount) if area.limit_amount is not None else None,
        "limit_period": area.limit_period,
    }
