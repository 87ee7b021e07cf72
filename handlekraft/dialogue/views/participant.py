"""The participant's side, phone first and without an account: /m/ and /m/{join_code} (the cookie and
the limit on guessing codes are in dialogue/joining.py)."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from ..forms import JoinForm, NoteForm
from ..joining import (
    find_meeting,
    participant_token,
    remember_name,
    remembered_name,
    too_many_guesses,
    with_participant_cookie,
)
from ..models import Meeting, Note, Participant, Poll, Vote
from ..notes import Refused, delete_note, edit_note, own_notes, participant_for, post_note


def start(request: HttpRequest) -> HttpResponse:
    """/m/: type the code from the screen."""
    form = JoinForm(request.GET or None)
    status = 200
    if form.is_valid():
        if (meeting := find_meeting(request, form.cleaned_data["code"])) is not None:
            return redirect("participant:join", code=meeting.join_code)
        if too_many_guesses(request):
            form.add_error("code", _("For mange forkerte koder. Vent ti minutter, og prøv igen."))
            status = 429
        else:
            form.add_error("code", _("Der er intet møde med den kode. Tjek koden på skærmen."))
    return render(request, "dialogue/start.html", {"form": form}, status=status)


def page_context(
    meeting: Meeting,
    raw: str | None,
    form: NoteForm | None = None,
    editing: int | None = None,
    name: str = "",
) -> dict:
    participant = (
        Participant.objects.filter(token_hash=Participant.hash(raw), meeting=meeting).first() if raw else None
    )
    own = own_notes(meeting, raw)
    polls = list(meeting.polls.filter(is_open=True).prefetch_related("options"))
    voted = (
        set(
            Vote.objects.filter(participant=participant, option__poll__in=polls).values_list(
                "option_id", flat=True
            )
        )
        if participant and polls
        else set()
    )
    for note in own:
        note.column_title = meeting.column_title(note.column)
    return {
        "meeting": meeting,
        "form": form
        or NoteForm(
            meeting=meeting,
            initial={
                "client_id": secrets.token_hex(16),
                "first_name": name,
            },
        ),
        "own": own,
        "polls": polls,
        "voted": voted,
        "editing": editing,
    }


@ensure_csrf_cookie
def join(request: HttpRequest, code: str) -> HttpResponse:
    """/m/{join_code}: write notes, see, edit and delete your own, and answer open polls."""
    meeting = find_meeting(request, code)
    if meeting is None:
        join = JoinForm(initial={"code": code})
        message = (
            _("For mange forkerte koder. Vent ti minutter, og prøv igen.")
            if too_many_guesses(request)
            else _("Der er intet møde med den kode. Tjek koden på skærmen.")
        )
        return render(request, "dialogue/start.html", {"form": join, "message": message}, status=404)
    raw = participant_token(request) or secrets.token_urlsafe(24)
    form: NoteForm | None = None
    if request.method == "POST":
        form = NoteForm(request.POST, meeting=meeting)
        if form.is_valid():
            try:
                participant = participant_for(meeting, raw)
                _note, created = post_note(
                    meeting,
                    participant,
                    raw,
                    form.cleaned_data["text"],
                    form.cleaned_data["column"],
                    form.cleaned_data["client_id"],
                    name=form.cleaned_data["first_name"],
                )
            except Refused as refused:
                form.add_error(refused.field or None, refused.message)
            else:
                if created:
                    messages.success(request, _("Tak! Din note er sendt."))
                response = redirect("participant:join", code=meeting.join_code)
                return remember_name(with_participant_cookie(response, raw), form.cleaned_data["first_name"])
    context = page_context(meeting, raw, form, name=remembered_name(request))
    return with_participant_cookie(render(request, "dialogue/participant.html", context), raw)


def _own_note(request: HttpRequest, code: str, pk: int) -> tuple[Meeting, Note, str | None]:
    meeting = get_object_or_404(Meeting, join_code=Meeting.normalise_code(code))
    raw = participant_token(request)
    note = get_object_or_404(Note, pk=pk, meeting=meeting, deleted=False)
    if not note.written_by(raw):
        raise Http404
    return meeting, note, raw


def change_note(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """Edit (GET shows the form in place) or delete one's own note while the meeting is open."""
    meeting, note, raw = _own_note(request, code, pk)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "delete":
                delete_note(note, raw)
                messages.success(request, _("Din note er slettet."))
            else:
                edit_note(note, raw, request.POST.get("text", ""))
                messages.success(request, _("Din note er rettet."))
        except Refused as refused:
            context = page_context(meeting, raw, editing=note.pk, name=remembered_name(request))
            context["edit_error"] = refused.message
            context["edit_text"] = request.POST.get("text", "")
            return render(request, "dialogue/participant.html", context)
        return redirect("participant:join", code=meeting.join_code)
    context = page_context(meeting, raw, editing=note.pk, name=remembered_name(request))
    return render(request, "dialogue/participant.html", context)


@require_POST
def vote(request: HttpRequest, code: str, poll_pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, join_code=Meeting.normalise_code(code))
    poll = get_object_or_404(
        Poll.objects.select_related("meeting").prefetch_related("options"), pk=poll_pk, meeting=meeting
    )
    raw = participant_token(request) or secrets.token_urlsafe(24)
    chosen = {int(v) for v in request.POST.getlist("option") if v.isdigit()}
    options = [o for o in poll.options.all() if o.pk in chosen]
    if not poll.is_open or meeting.status == Meeting.Status.CLOSED:
        messages.error(request, _("Afstemningen er lukket."))
    elif not options or (not poll.multiple and len(options) > 1):
        messages.error(request, _("Vælg et svar.") if not poll.multiple else _("Vælg mindst ét svar."))
    else:
        try:
            with transaction.atomic():
                poll.record_vote(participant_for(meeting, raw), options)
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Tak for dit svar. Du kan ændre det, så længe afstemningen er åben."))
    return with_participant_cookie(redirect("participant:join", code=meeting.join_code), raw)
