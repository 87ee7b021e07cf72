"""Posting, editing and deleting a participant's note: the rules the participant page and the API share."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from handlekraft.lib import ratelimit
from handlekraft.lib.cpr import validate_no_cpr

from .models import NOTE_MAX, Meeting, Note, Participant

RATE_LIMIT = 20  # notes per participant …
RATE_WINDOW = 60  # … per this many seconds


class Refused(Exception):
    """A note that cannot be taken, with a Danish message for the person and the field it concerns."""

    def __init__(self, message: str, field: str = "text", status: int = 422):
        super().__init__(message)
        self.message, self.field, self.status = message, field, status


def check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(_("Skriv noget i noten, før du sender den."))
    if len(text) > NOTE_MAX:
        raise Refused(
            _("Noten er for lang: %(length)s tegn. Den må højst være %(max)s tegn.")
            % {"length": len(text), "max": NOTE_MAX}
        )
    try:
        validate_no_cpr(text)
    except ValidationError as error:
        raise Refused(error.messages[0]) from None
    return text


def check_open(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CLOSED:
        raise Refused(_("Mødet er lukket, så der kan ikke skrives flere noter."), field="", status=409)
    if meeting.status == Meeting.Status.PLANNED:
        raise Refused(
            _("Mødet er ikke åbnet endnu. Prøv igen, når facilitatoren har åbnet det."), field="", status=409
        )


def participant_for(meeting: Meeting, raw_token: str) -> Participant:
    participant, _created = Participant.objects.get_or_create(
        token_hash=Participant.hash(raw_token), defaults={"meeting": meeting}
    )
    if participant.meeting_id != meeting.pk:  # a cookie from another meeting: start afresh here
        raise Refused(_("Din deltagelse hører til et andet møde. Genindlæs siden."), field="", status=409)
    return participant


def rate_limited(participant: Participant) -> bool:
    return ratelimit.hit(f"dialogue:notes:{participant.pk}", RATE_WINDOW) > RATE_LIMIT


def post_note(
    meeting: Meeting,
    participant: Participant,
    raw_token: str,
    text: str,
    column: str,
    client_id: str,
    name: str = "",
) -> tuple[Note, bool]:
    """Stores the note once, however often the same `client_id` is sent. Returns (note, created).
    `name` is this note's name only; without one the note is anonymous."""
    check_open(meeting)
    text = check_text(text)
    column = column or meeting.column_keys[0]
    if column not in meeting.column_keys:
        raise Refused(_("Vælg en af mødets kolonner."), field="column")
    client_id = (client_id or "").strip()[:64]
    # A phone sends a note again when it never saw the answer: the unique client id finds the stored one
    # (below), so the common case, a new note, reads nothing first.
    if rate_limited(participant):
        existing = Note.objects.filter(meeting=meeting, client_id=client_id).first() if client_id else None
        if existing is not None:
            return existing, False
        raise Refused(
            _("Du har sendt mange noter på kort tid. Vent et øjeblik, og prøv igen."), field="", status=429
        )
    try:
        with transaction.atomic():
            note = Note(
                meeting=meeting,
                # Without a client id, the same text in the same column from the same phone is one note.
                client_id=client_id or Participant.hash(f"{raw_token}:{text}:{column}")[:64],
                column=column,
                text=text,
                revision=meeting.bump(),
            )
            note.owner_hash = Note.owner_of(raw_token, note.client_id)
            note.author_name = check_name(name)
            note.first_revision = note.revision
            note.save()
    except IntegrityError:  # the same post arrived twice at once: the first one counts
        return Note.objects.get(meeting=meeting, client_id=note.client_id), False
    return note, True


def check_name(name: str) -> str:
    name = " ".join((name or "").split())[:40]
    try:
        validate_no_cpr(name)
    except ValidationError as error:
        raise Refused(error.messages[0], field="first_name") from None
    return name


def own_notes(meeting: Meeting, raw_token: str | None) -> list[Note]:
    """The phone's own notes: those whose owner hash its cookie and their client id give."""
    if not raw_token:
        return []
    return [n for n in meeting.notes.filter(deleted=False) if n.written_by(raw_token)]


def edit_note(note: Note, raw_token: str | None, text: str) -> Note:
    if not note.written_by(raw_token) or note.deleted:
        raise Refused(_("Du kan kun rette dine egne noter."), field="", status=403)
    check_open(note.meeting)
    note.text = check_text(text)
    note.touch(["text"])
    return note


def delete_note(note: Note, raw_token: str | None) -> None:
    if not note.written_by(raw_token):
        raise Refused(_("Du kan kun slette dine egne noter."), field="", status=403)
    check_open(note.meeting)
    note.deleted = True
    note.touch(["deleted"])
