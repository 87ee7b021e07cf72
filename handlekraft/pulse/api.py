"""API for the pulse (DESIGN §5). Answering needs no account, only a single-use code."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from handlekraft.lib.cpr import FreeText
from handlekraft.organisation.api import UnitId, named_unit

from . import services
from .models import COMMENT_MAX, Item, Survey
from .rules import can_see_results, can_see_survey, require_survey_manager

router = Router(tags=["måling"])


class SurveyIn(Schema):
    title: FreeText = Field(min_length=1, max_length=200)
    unit: UnitId
    opens: date
    closes: date
    items: list[Annotated[str, Field(max_length=40)]] | None = Field(None, max_length=200)


class Created(Schema):
    id: int


class SurveyOut(Schema):
    id: int
    title: str
    status: str
    items: list[dict[str, str]]  # {"key", "text", "construct"}: pydantic reserves the name "construct"


class CodeOut(Schema):
    unit: str
    code: str


class CodesOut(Schema):
    codes: list[CodeOut]


class ResponseIn(Schema):
    code: str = Field(max_length=40)
    # 0–4 per item, null for "Ved ikke"; checked with Danish messages by services.answer
    answers: dict[str, int | None] = Field(
        json_schema_extra={
            "additionalProperties": {
                "anyOf": [{"type": "integer", "minimum": 0, "maximum": 4}, {"type": "null"}]
            }
        }
    )
    comment: str = Field("", json_schema_extra={"maxLength": COMMENT_MAX})


class Answered(Schema):
    detail: str


class ConstructScore(Schema):
    key: str
    score: int | None


class ResultOut(Schema):
    unit: str
    suppressed: bool
    responses: int | None
    constructs: list[ConstructScore]


@router.post("/pulse/surveys", response={201: Created}, summary="Opret en måling (HR)")
def create_survey(request, payload: SurveyIn):
    require_survey_manager(request.user)
    unit = named_unit(request, payload.unit, own_by_default=False)
    if payload.closes < payload.opens:
        raise HttpError(422, "Lukkedatoen skal ligge efter åbningsdatoen.")
    if payload.items is None:
        items = list(Item.objects.filter(in_default_pulse=True))
    else:
        items = list(Item.objects.filter(key__in=payload.items))
        missing = set(payload.items) - {i.key for i in items}
        if missing:
            raise HttpError(422, f"Ukendte udsagn: {', '.join(sorted(missing))}.")
    survey = Survey.plan(
        request.user, items, title=payload.title, unit=unit, opens=payload.opens, closes=payload.closes
    )
    return Status(201, {"id": survey.pk})


@router.get("/pulse/surveys/{survey_id}", response=SurveyOut, summary="En måling og dens udsagn")
def survey(request, survey_id: int):
    found = get_object_or_404(Survey.objects.select_related("unit"), pk=survey_id)
    if not can_see_survey(request.user, found):
        raise HttpError(404, "Målingen findes ikke.")  # as the list: not there for this person
    items = found.items.select_related("construct")
    return {
        "id": found.pk,
        "title": found.title,
        "status": found.status,
        "items": [{"key": i.key, "text": i.text, "construct": i.construct.key} for i in items],
    }


@router.post("/pulse/surveys/{survey_id}/codes", response={201: CodesOut}, summary="Lav svarkoder (HR)")
def codes(request, survey_id: int):
    require_survey_manager(request.user)
    found = get_object_or_404(Survey.objects.select_related("unit"), pk=survey_id)
    made = services.make_codes(found)
    return Status(201, {"codes": [{"unit": unit.external_id, "code": raw} for unit, raw in made]})


@router.post(
    "/pulse/responses",
    response={201: Answered},
    auth=None,
    summary="Svar på en måling med en kode (uden konto)",
)
def respond(request, payload: ResponseIn):
    try:
        services.answer(payload.code, payload.answers, payload.comment)
    except services.Refused as refused:
        raise HttpError(refused.status, refused.message) from None
    return Status(201, {"detail": "Tak for dit svar."})


@router.post("/pulse/surveys/{survey_id}/close", response=Created, summary="Luk målingen (HR)")
def close(request, survey_id: int):
    require_survey_manager(request.user)
    found = get_object_or_404(Survey, pk=survey_id)
    if found.closed_at is None:
        services.close(found)
    return {"id": found.pk}


@router.get("/pulse/surveys/{survey_id}/results", response=ResultOut, summary="Resultater for en enhed")
def results(request, survey_id: int, unit: str = ""):
    found = get_object_or_404(Survey.objects.select_related("unit"), pk=survey_id)
    target = named_unit(request, unit)
    if not can_see_results(request.user, target):
        raise HttpError(403, "Du har ikke adgang til resultaterne for den enhed.")
    outcome = services.result(found, target)
    return {
        "unit": target.external_id,
        "suppressed": outcome.suppressed,
        "responses": outcome.responses,
        "constructs": [{"key": key, "score": score} for key, score in outcome.scores.items()],
    }
