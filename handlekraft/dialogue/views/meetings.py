"""The facilitator's side: plan and open a meeting, the live board, polls, the projector view, exports."""

from __future__ import annotations

import csv
import io
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.documents import attachment, csv_cell, file_name
from handlekraft.lib.hashing import sha256_hex
from handlekraft.lib.locking import resubmitted, update_unless_changed
from handlekraft.organisation.auth import use_the_persons_language
from handlekraft.organisation.http import SignedInRequest

from ..exports import notes_document
from ..forms import FacilitatorForm, GroupForm, MeetingForm, PollForm
from ..models import REVISION_KEPT, Meeting, MeetingTemplate, Note, Poll, PollOption
from ..rules import can_open_meetings, facilitated_meeting


def polls_with_results(meeting: Meeting) -> list[Poll]:
    polls = list(
        meeting.polls.prefetch_related(
            Prefetch("options", PollOption.objects.annotate(count=Count("votes")).order_by("order", "pk"))
        )
    )
    for poll in polls:
        options: list[Any] = list(poll.options.all())  # annotated with their vote count
        total = sum(o.count for o in options) or 1
        for option in options:
            option.share = round(100 * option.count / total)
        poll.option_list = options
    return polls


@login_required
def meetings(request: SignedInRequest) -> HttpResponse:
    """The meetings I facilitate, and the dialogue material (templates) to start a new one from."""
    mine = Meeting.objects.filter(facilitators=request.user).select_related("committee", "unit")
    return render(
        request,
        "dialogue/meetings.html",
        {
            "meetings": mine,
            "templates": MeetingTemplate.objects.all() if can_open_meetings(request.user) else [],
            "can_open": can_open_meetings(request.user),
        },
    )


@login_required
def create(request: SignedInRequest) -> HttpResponse:
    if not can_open_meetings(request.user):
        raise PermissionDenied
    template = None
    if (key := request.GET.get("skabelon", "")).isdigit():
        template = MeetingTemplate.objects.filter(pk=key).first()
    form = MeetingForm(request.POST or None, user=request.user, template=template)
    if request.method == "POST" and form.is_valid():
        meeting = form.apply(Meeting(template=template))
        meeting.plan(by=request.user)
        messages.success(request, _("Mødet er oprettet. Åbn det, når I går i gang."))
        return redirect(meeting)
    return render(request, "dialogue/edit.html", {"form": form, "template": template, "meeting": None})


@login_required
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    form = MeetingForm(request.POST or None, user=request.user, meeting=meeting)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = update_unless_changed(Meeting, meeting.pk, form.cleaned_data.get("version"), form.apply)
        if conflict is None:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(meeting)
        # Another facilitator saved in between: keep what this one typed, to be saved from theirs.
        form = MeetingForm(resubmitted(request.POST, conflict), user=request.user, meeting=conflict)
        form.is_valid()
    return render(
        request,
        "dialogue/edit.html",
        {"form": form, "template": meeting.template, "meeting": meeting, "conflict": conflict},
    )


def board_context(meeting: Meeting, projector: bool = False) -> dict:
    notes = meeting.notes.filter(deleted=False)
    if projector:
        notes = notes.filter(hidden=False)
    groups = list(meeting.groups.all())
    columns = []
    for column in meeting.columns:
        columns.append(
            {
                **column,
                "groups": [g for g in groups if g.column == column["key"]],
            }
        )
    by_group: dict = {}
    for note in notes:
        by_group.setdefault((note.column, note.group_id), []).append(note)
    for column in columns:
        column["loose"] = by_group.get((column["key"], None), [])
        for group in column["groups"]:
            group.note_list = by_group.get((column["key"], group.pk), [])
    return {"meeting": meeting, "columns": columns, "groups": groups, "projector": projector}


@login_required
def board(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    context = board_context(meeting)
    context.update(
        polls=polls_with_results(meeting),
        facilitator_form=FacilitatorForm(),
        poll_form=PollForm(),
        group_form=GroupForm(),
        join_link=settings.SITE_URL + meeting.join_url(),
    )
    return render(request, "dialogue/board.html", context)


@login_required
def projector(request: SignedInRequest, pk: int) -> HttpResponse:
    """For the screen in the meeting room: the code, the QR code and the notes arriving live."""
    meeting = facilitated_meeting(request.user, pk)
    # The site's own address (SITE_URL), not the one the facilitator typed: with `make run HOST=0.0.0.0`
    # that is the machine's network address, which the phones in the room can reach.
    link = settings.SITE_URL + meeting.join_url()
    import segno  # only for the projector

    qr = segno.make(link, error="m").svg_inline(scale=8, title=_("QR-kode til mødet"), dark="#1a1a1a")
    context = board_context(meeting, projector=True)
    context.update(qr=mark_safe(qr), join_link=link, polls=polls_with_results(meeting))
    return render(request, "dialogue/projector.html", context)


POLLER_KEPT = 60  # seconds a facilitator may have "nothing new" from the cache before being checked again


def _poller_key(request: HttpRequest, pk: int) -> str | None:
    """Names this browser's session (hashed: the cache never holds a session key) and the meeting."""
    session = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    return f"dialogue:poller:{pk}:{sha256_hex(session)}" if session else None


def nothing_new_from_the_cache(view):
    """Most polls find nothing new. They are answered 204 from the shared cache alone, without loading
    the session, the person or the meeting: when this browser's session passed the full check for the
    meeting within the last minute and the meeting's revision (models.Meeting.bump) is the one it has."""

    @wraps(view)
    def answer(request: HttpRequest, pk: int) -> HttpResponse:
        rev, key = request.GET.get("rev", ""), _poller_key(request, pk)
        if key is not None and rev.isdigit():
            found = cache.get_many([key, Meeting.revision_key(pk)])
            if found.get(key) and found.get(Meeting.revision_key(pk)) == int(rev):
                return HttpResponse(status=204)
        return view(request, pk)

    answer.sets_language_itself = True  # organisation/auth.py
    return answer


@nothing_new_from_the_cache
@login_required
def changes(request: SignedInRequest, pk: int) -> HttpResponse:
    """Polled by the board and the projector every 2 s: only what changed since revision `rev`.

    Rendered without the context processors (menu, unread count): a poll every 2 s should cost little.
    """
    meeting = facilitated_meeting(request.user, pk)
    use_the_persons_language(request)
    if key := _poller_key(request, pk):
        cache.set(key, True, POLLER_KEPT)
    cache.add(Meeting.revision_key(pk), meeting.revision, REVISION_KEPT)  # if the cache had lost it
    rev = request.GET.get("rev", "0")
    since = int(rev) if rev.isdigit() else 0
    context = {
        "meeting": meeting,
        "projector": request.GET.get("skaerm") == "1",
        "csrf_token": get_token(request),
    }
    if meeting.revision > since:
        groups = list(meeting.groups.all())
        context.update(
            notes=list(meeting.notes.filter(revision__gt=since)),
            groups=groups,
            new_groups=[g for g in groups if g.revision > since],
            polls=polls_with_results(meeting) if meeting.polls.filter(revision__gt=since).exists() else None,
            since=since,
        )
    return HttpResponse(render_to_string("dialogue/_changes.html", context))


def _done(request: SignedInRequest, meeting: Meeting, message: str = "") -> HttpResponse:
    """htmx: nothing to swap; the board polls at once and shows the change. Without JS: back to the board."""
    if request.htmx:
        response = HttpResponse(status=204)
        if meeting.status == Meeting.Status.CLOSED:  # a closed board does not poll: reload it instead
            response["HX-Refresh"] = "true"
        else:
            response["HX-Trigger"] = "board-changed"
        return response
    if message:
        messages.success(request, message)
    return redirect(meeting)


# A button's own action before a drop's; "succeeding" and "barriers" mark a note for that section of
# the opsamling, "unmark" takes the mark away.
NOTE_ACTIONS = ("hide", "show", "forward", "unforward", "succeeding", "barriers", "unmark", "move")


@login_required
@require_POST
def note_action(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    """One note's action (`action`: one of NOTE_ACTIONS; move with `group`)."""
    meeting = facilitated_meeting(request.user, pk)
    note = get_object_or_404(Note.objects.select_related("meeting"), pk=note_pk, meeting=meeting)
    _act_on_note(meeting, note, request.POST.get("action", ""), request.POST.get("group", ""))
    return _done(request, meeting)


@login_required
@require_POST
def notes_action(request: SignedInRequest, pk: int) -> HttpResponse:
    """The board's one shared form: each note's buttons submit it as `<action>=<note id>` (a drop onto a
    group sets `move` and `group`), so a note carries buttons, not forms of its own."""
    meeting = facilitated_meeting(request.user, pk)
    action, note_pk = next(
        ((a, request.POST[a]) for a in NOTE_ACTIONS if request.POST.get(a, "").isdigit()), ("", "")
    )
    if not action:
        return _done(request, meeting)
    note = get_object_or_404(Note.objects.select_related("meeting"), pk=note_pk, meeting=meeting)
    _act_on_note(meeting, note, action, request.POST.get("group", ""))
    return _done(request, meeting)


def _act_on_note(meeting: Meeting, note: Note, action: str, group_pk: str) -> None:
    if action in ("hide", "show"):
        note.hidden = action == "hide"
        note.touch(["hidden"])
    elif action in ("forward", "unforward"):
        note.way_forward = action == "forward"
        note.touch(["way_forward"])
    elif action in ("succeeding", "barriers", "unmark"):
        note.report_mark = "" if action == "unmark" else action
        note.touch(["report_mark"])
    elif action == "move":
        group = meeting.groups.filter(pk=group_pk, column=note.column).first() if group_pk.isdigit() else None
        note.group = group
        note.touch(["group"])


@login_required
def move_note(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    """Choosing a note's group with the keyboard (or without JavaScript): the groups of the note's column.
    htmx puts the form inside the note on the board; otherwise it is a page of its own."""
    meeting = facilitated_meeting(request.user, pk)
    note = get_object_or_404(Note, pk=note_pk, meeting=meeting, deleted=False)
    context = {"meeting": meeting, "note": note, "groups": meeting.groups.filter(column=note.column)}
    if request.htmx:
        return render(request, "dialogue/_move.html", {**context, "inline": True})
    return render(request, "dialogue/move.html", context)


@login_required
@require_POST
def add_group(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    form = GroupForm(request.POST)
    if form.is_valid() and form.cleaned_data["column"] in meeting.column_keys:
        meeting.add_group(form.cleaned_data["name"], form.cleaned_data["column"])
        return _done(request, meeting, _("Gruppen er oprettet."))
    messages.error(request, _("Giv gruppen et navn."))
    return redirect(meeting)


@login_required
@require_POST
def set_status(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    action = request.POST.get("action")
    if action == "open" and meeting.open():
        messages.success(request, _("Mødet er åbent. Deltagerne kan skrive noter nu."))
    elif action == "close" and meeting.close():
        messages.success(request, _("Mødet er lukket. Noterne er gemt, og der kan ikke skrives flere."))
    return redirect(meeting)


@login_required
@require_POST
def add_facilitator(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    form = FacilitatorForm(request.POST)
    if form.is_valid():
        meeting.facilitators.add(form.cleaned_data["email"])
        messages.success(
            request, _("%(name)s er nu facilitator for mødet.") % {"name": form.cleaned_data["email"].name}
        )
    else:
        messages.error(request, str(form.errors["email"][0]))
    return redirect(meeting)


@login_required
@require_POST
def add_poll(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    form = PollForm(request.POST)
    if not form.is_valid():
        context = board_context(meeting)
        context.update(
            polls=polls_with_results(meeting),
            facilitator_form=FacilitatorForm(),
            poll_form=form,
            group_form=GroupForm(),
            join_link=settings.SITE_URL + meeting.join_url(),
        )
        return render(request, "dialogue/board.html", context)
    meeting.ask(form.cleaned_data["question"], form.cleaned_data["options"], form.cleaned_data["multiple"])
    messages.success(request, _("Afstemningen er åben. Deltagerne ser den på deres telefon."))
    return redirect(meeting)


@login_required
@require_POST
def toggle_poll(request: SignedInRequest, pk: int, poll_pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    get_object_or_404(Poll.objects.select_related("meeting"), pk=poll_pk, meeting=meeting).open_or_close()
    return redirect(meeting)


def export_rows(meeting: Meeting) -> list[dict]:
    groups = {g.pk: g.name for g in meeting.groups.all()}
    return [
        {
            "column": meeting.column_title(n.column),
            "group": groups.get(n.group_id, "") if n.group_id else "",
            "text": n.text,
            "way_forward": n.way_forward,
            "report_mark": n.get_report_mark_display(),
            "hidden": n.hidden,
            "first_name": n.author_name,
            "created": timezone.localtime(n.created),
        }
        for n in meeting.notes.filter(deleted=False).order_by("column", "group", "created")
    ]


@login_required
def export_csv(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    buffer = io.StringIO()
    # Semicolons and a byte-order mark: Danish Excel opens the file into columns with æ, ø, å intact.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        ["kolonne", "gruppe", "note", "vejen_videre", "skjult", "fornavn", "tidspunkt", "opsamling"]
    )
    for row in export_rows(meeting):
        writer.writerow(
            csv_cell(cell)
            for cell in [
                row["column"],
                row["group"],
                row["text"],
                "ja" if row["way_forward"] else "nej",
                "ja" if row["hidden"] else "nej",
                row["first_name"],
                row["created"].strftime("%Y-%m-%d %H:%M"),
                row["report_mark"],
            ]
        )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"dialogmoede-{file_name(meeting.title)}.csv"
    )
    return response


@login_required
def export_docx(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = facilitated_meeting(request.user, pk)
    content = notes_document(meeting, export_rows(meeting))
    return attachment(content, f"dialogmoede-{file_name(meeting.title)}.docx")
