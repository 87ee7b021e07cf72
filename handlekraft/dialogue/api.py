"""API for dialogue meetings (DESIGN §5). Posting a note needs no account: a cookie identifies the
participant (the first post sets it), and a browser's post carries the CSRF token as X-CSRFToken."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from handlekraft.lib.cpr import FreeText
from handlekraft.organisation.api import UnitId, named_unit

from .joining import find_meeting, participant_token, too_many_guesses, with_participant_cookie
from .models import NOTE_MAX, Meeting
from .notes import Refused, participant_for, post_note
from .rules import can_hold_meetings_in, can_open_meetings, facilitated_meeting

router = Router(tags=["dialogmøder"])


class MeetingIn(Schema):
    title: FreeText = Field(min_length=1, max_length=200)
    unit: UnitId


class MeetingCreated(Schema):
    id: int
    join_code: str


class NoteIn(Schema):
    # The note's limits are checked by post_note with Danish messages for the phone; the schema says them.
    text: str = Field("", json_schema_extra={"maxLength": NOTE_MAX})
    column: str = Field("", max_length=100)
    client_id: str = Field("", max_length=64)
    # the first name shown with this note only; absent or empty: anonymous
    name: str | None = Field(None, max_length=40)


class NoteOut(Schema):
    id: int
    text: str
    column: str
    created: datetime


class NoteRow(NoteOut):
    name: str | None = None  # null when the note is anonymous


class NotesOut(Schema):
    notes: list[NoteRow]


class Closed(Schema):
    id: int
    status: str


@router.post(
    "/meetings", response={201: MeetingCreated}, summary="Opret et dialogmøde (ledere, MED-udvalg, HR)"
)
def create_meeting(request, payload: MeetingIn):
    if not can_open_meetings(request.user):
        raise HttpError(403, "Kun ledere, medlemmer af et MED-udvalg og HR kan oprette dialogmøder.")
    unit = named_unit(request, payload.unit, own_by_default=False)
    if not can_hold_meetings_in(request.user, unit):
        raise HttpError(403, "Du kan kun holde dialogmøder i enheder, du leder eller dækker som MED-udvalg.")
    meeting = Meeting(title=payload.title, unit=unit)
    meeting.plan(by=request.user)
    return Status(201, {"id": meeting.pk, "join_code": meeting.join_code})


@router.post("/meetings/{meeting_id}/open", response=Closed, summary="Åbn mødet for noter (facilitatorer)")
def open_meeting(request, meeting_id: int):
    meeting = facilitated_meeting(request.user, meeting_id)
    meeting.open()
    return {"id": meeting.pk, "status": meeting.status}


@router.post("/meetings/{meeting_id}/close", response=Closed, summary="Luk mødet (facilitatorer)")
def close_meeting(request, meeting_id: int):
    meeting = facilitated_meeting(request.user, meeting_id)
    meeting.close()
    return {"id": meeting.pk, "status": meeting.status}


# GET takes the meeting's id, POST its join code: one path, so that both methods reach their operation.
@router.get("/meetings/{meeting}/notes", response=NotesOut, summary="Mødets noter (facilitatorer; mødets id)")
def notes(request, meeting: int):
    found = facilitated_meeting(request.user, meeting)
    return {
        "notes": [
            {
                "id": n.pk,
                "text": n.text,
                "column": n.column,
                "name": n.author_name or None,
                "created": n.created,
            }
            for n in found.notes.filter(deleted=False, hidden=False)
        ]
    }


def _csrf_refusal(request: HttpRequest):
    """The participant is known by a cookie, so a browser's post must carry the CSRF token."""
    return CsrfViewMiddleware(HttpResponse).process_view(request, HttpResponse, (), {})


@router.post(
    "/meetings/{meeting}/notes",
    response={201: NoteOut, 200: NoteOut},
    auth=None,
    summary="Skriv en note som deltager uden konto (mødets deltagerkode)",
)
def post(request, meeting: str, payload: NoteIn):
    join_code = meeting
    if request.COOKIES and _csrf_refusal(request) is not None:
        raise HttpError(403, "Sikkerhedstjekket (CSRF) fejlede. Genindlæs siden, og prøv igen.")
    found = find_meeting(request, join_code)
    if found is None:
        if too_many_guesses(request):
            raise HttpError(429, "For mange forkerte koder. Vent ti minutter, og prøv igen.")
        raise HttpError(404, "Der er intet møde med den kode.")
    raw = participant_token(request) or secrets.token_urlsafe(24)
    try:
        participant = participant_for(found, raw)
        note, created = post_note(
            found, participant, raw, payload.text, payload.column, payload.client_id, name=payload.name or ""
        )
    except Refused as refused:
        raise HttpError(refused.status, refused.message) from None
    response = JsonResponse(
        {"id": note.pk, "text": note.text, "column": note.column, "created": note.created},
        status=201 if created else 200,
    )
    return with_participant_cookie(response, raw)
