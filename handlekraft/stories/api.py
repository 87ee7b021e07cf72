"""API for stories (DESIGN §5), with the same rules and checks as the pages."""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field, StrictBool

from handlekraft.lib import fulltext
from handlekraft.lib.cpr import FreeText
from handlekraft.lib.paging import API_MAX_OFFSET, InOrder
from handlekraft.organisation.models import Unit

from . import workflow
from .models import BODY_MAX, PART_MAX, RANK_WINDOW, Story
from .naming import colleagues_named
from .rules import can_recognise_story, can_view_story, can_write_stories

router = Router(tags=["historier"])


class StoryIn(Schema):
    kind: Literal["story", "citizen", "learning"] = "story"
    title: FreeText = Field(min_length=1, max_length=200)
    body: FreeText = Field(min_length=1, max_length=BODY_MAX)
    meaning: FreeText = Field("", max_length=PART_MAX)
    learning: FreeText = Field("", max_length=PART_MAX)
    unit: str = Field("", max_length=100)
    citizen_consent: Literal["", "anonym", "samtykke"] = ""
    visibility: Literal["alle", "omraade"] = "alle"
    draft: StrictBool = False


class StoryOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    learning: str
    unit: str
    status: str
    recognitions: int
    url: str


class StoriesOut(Schema):
    results: list[StoryOut]


class RecognitionIn(Schema):
    note: FreeText = Field(default="", max_length=300)


def out(story: Story, recognitions: int | None = None) -> dict:
    if recognitions is None:
        recognitions = getattr(story, "recognition_count", None)
        if recognitions is None:
            recognitions = story.recognitions.count()
    return {
        "id": story.pk,
        "kind": story.kind,
        "title": story.title,
        "body": story.body,
        "learning": story.learning,
        "unit": story.unit.external_id,
        "status": story.status,
        "recognitions": recognitions,
        "url": story.get_absolute_url(),
    }


def visible_story(request, story_id: int) -> Story:
    story = get_object_or_404(Story.objects.select_related("unit").prefetch_related("people"), pk=story_id)
    if not can_view_story(request.user, story):
        raise Http404
    return story


@router.get("/stories", response=StoriesOut, summary="Offentliggjorte historier (søg med q; filtrér)")
def stories(request, q: str = "", kind: str = "", unit: str = "", limit: int = 50, offset: int = 0):
    queryset: Any = Story.objects.visible_to(request.user).select_related("unit")
    if kind:
        queryset = queryset.filter(kind=kind)
    if unit:
        found = Unit.objects.filter(external_id=unit).first()
        queryset = queryset.filter(unit__path__startswith=found.path) if found else queryset.none()
    offset, limit = min(max(0, offset), API_MAX_OFFSET), max(1, min(limit, 200))
    counted = queryset.annotate(recognition_count=Count("recognitions"))
    if fulltext.query_groups(q):
        ids = fulltext.ranked_newest(queryset, q, RANK_WINDOW, "-published_at")
        found = InOrder(counted, ids)[offset : offset + limit]
    else:
        found = counted.order_by("-published_at", "-pk")[offset : offset + limit]
    return {"results": [out(s) for s in found]}


@router.get("/stories/{story_id}", response=StoryOut, summary="Én historie")
def story(request, story_id: int):
    return out(visible_story(request, story_id))


@router.post("/stories", response={201: StoryOut}, summary="Fortæl en historie (deles straks, eller draft)")
def create_story(request, payload: StoryIn):
    if not can_write_stories(request.user):
        raise HttpError(403, "Du skal være knyttet til en enhed for at fortælle historier.")
    units = {m.unit.external_id: m.unit for m in request.user.memberships}
    unit = units.get(payload.unit) if payload.unit else request.user.primary_unit
    if unit is None:
        raise HttpError(403, f"Du kan kun fortælle historier fra dine egne enheder, ikke {payload.unit}.")
    if lacking := Story.what_the_kind_needs(payload.kind, payload.learning, payload.citizen_consent):
        raise HttpError(422, " ".join(f"{field}: {message}" for field, message in lacking.items()))
    story = Story.objects.create(
        kind=payload.kind,
        title=payload.title,
        body=payload.body,
        meaning=payload.meaning,
        learning=payload.learning,
        unit=unit,
        citizen_consent=payload.citizen_consent if payload.kind == "citizen" else "",
        visibility=payload.visibility,
        author=request.user,
    )
    # Colleagues named in the text are asked for consent, as if ticked in the form.
    text = " ".join([payload.title, payload.body, payload.meaning, payload.learning])
    workflow.set_people(story, [u for u in colleagues_named(text) if u.pk != request.user.pk])
    if not payload.draft:
        workflow.share(story)
    return Status(201, out(story, recognitions=0))


@router.post(
    "/stories/{story_id}/recognitions",
    response={200: StoryOut, 201: StoryOut},
    summary="Det dér er godt aktørskab! (én pr. person; igen ændrer intet)",
)
def recognise(request, story_id: int, payload: RecognitionIn):
    story = visible_story(request, story_id)
    if not can_recognise_story(request.user, story):
        raise HttpError(403, "Du kan ikke anerkende denne historie (din egen, eller ikke offentliggjort).")
    _recognition, created = workflow.recognise(story, request.user, payload.note)
    return Status(201 if created else 200, out(story))
