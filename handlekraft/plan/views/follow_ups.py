"""Follow-up items: the lists a person follows, creating one (from a meeting's notes or an action
plan), its status and its edits."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.dialogue.rules import can_facilitate
from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.organisation.http import SignedInRequest

from ..forms import FollowUpForm, FollowUpStatusForm
from ..models import Activity, FollowUp, Forum
from ..rules import (
    can_change_follow_up,
    follow_up_for,
    followed_forums,
)

LIST_SIZE = 100


@login_required
def follow_ups(request: SignedInRequest) -> HttpResponse:
    """Mine, the overdue ones in my forums, and the open ones in my forums."""
    user = request.user
    forums = list(followed_forums(user))
    today = timezone.localdate()
    visible = FollowUp.objects.select_related("owner", "forum")
    source = None
    if (key := request.GET.get("moede", "")).isdigit():
        visible, source = visible.filter(meeting_id=key), Meeting.objects.filter(pk=key).first()
    elif (key := request.GET.get("handleplan", "")).isdigit():
        visible = visible.filter(action_plan_id=int(key))
    mine = list(visible.filter(owner=user).exclude(status=FollowUp.Status.DONE)[:LIST_SIZE])
    in_forums = visible.filter(forum__in=forums).exclude(status=FollowUp.Status.DONE)
    overdue = list(in_forums.filter(due__lt=today)[:LIST_SIZE])
    open_items = list(in_forums.filter(due__gte=today)[:LIST_SIZE])
    done = list(
        visible.filter(Q(forum__in=forums) | Q(owner=user), status=FollowUp.Status.DONE).order_by("-done_at")[
            :20
        ]
    )
    return render(
        request,
        "plan/follow_ups.html",
        {
            "mine": mine,
            "overdue": overdue,
            "open_items": open_items,
            "done": done,
            "today": today,
            "source": source,
            "filtered": "moede" in request.GET or "handleplan" in request.GET,
            "can_create": bool(forums),
        },
    )


def way_forward_notes(request: HttpRequest, meeting) -> list[Note]:
    """The meeting's "Vejen videre" notes, offered as titles to its facilitators (who may read them)."""
    if meeting is None or not can_facilitate(request.user, meeting):
        return []
    return list(meeting.notes.filter(way_forward=True, hidden=False, deleted=False)[:30])


def _initial_from(request: SignedInRequest) -> tuple[dict, list[Note]]:
    """Prefill from where the person came: a meeting's Vejen videre, an action plan or an activity."""
    initial: dict[str, object] = {
        "due": timezone.localdate() + timedelta(days=30),
        "owner_email": request.user.email or "",
    }
    notes = []
    if (key := request.GET.get("moede", "")).isdigit():
        meeting = Meeting.objects.select_related("committee").filter(pk=key).first()
        notes = way_forward_notes(request, meeting)
        if meeting:
            initial |= {"source": FollowUp.Source.MEETING, "meeting": meeting.pk}
            chosen = next((n for n in notes if str(n.pk) == request.GET.get("note")), None)
            if chosen:
                initial["title"] = chosen.text[:200]
            forum = (
                Forum.objects.filter(committee_id=meeting.committee_id).first()
                if meeting.committee_id
                else None
            )
            if forum:
                initial["forum"] = forum.pk
    if (key := request.GET.get("handleplan", "")).isdigit():
        initial |= {"source": FollowUp.Source.ACTION_PLAN, "action_plan": int(key)}
    if (key := request.GET.get("aktivitet", "")).isdigit():
        activity = Activity.objects.filter(pk=key).first()
        if activity:
            initial |= {"activity": activity.pk, "forum": activity.forum_id}
    return initial, notes


@login_required
def follow_up_create(request: SignedInRequest) -> HttpResponse:
    forums = list(followed_forums(request.user))
    if not forums:
        raise PermissionDenied
    initial, notes = _initial_from(request)
    form = FollowUpForm(request.POST or None, forums=forums, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.assign(form.cleaned_data["owner_email"], request.user)
        messages.success(request, _("Opfølgningspunktet er oprettet."))
        return redirect(item)
    return render(
        request,
        "plan/follow_up_edit.html",
        {"form": form, "item": None, "notes": notes, "meeting_id": initial.get("meeting")},
    )


@login_required
def follow_up_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    item = follow_up_for(request.user, pk)
    may_change = can_change_follow_up(request.user, item)
    form = FollowUpStatusForm(request.POST or None, initial={"status": item.status})
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if form.is_valid():
            item.set_status(form.cleaned_data["status"])
            messages.success(request, _("Status er gemt."))
            return redirect(item)
    return render(
        request,
        "plan/follow_up.html",
        {"item": item, "form": form, "may_change": may_change, "today": timezone.localdate()},
    )


@login_required
def follow_up_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = follow_up_for(request.user, pk)
    if not can_change_follow_up(request.user, item):
        raise PermissionDenied
    forums = list((followed_forums(request.user) | Forum.objects.filter(pk=item.forum_id)).distinct())
    form = FollowUpForm(request.POST or None, instance=item, forums=forums)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_unless_changed(
            form, form.cleaned_data["version"], also={"owner": form.cleaned_data["owner_email"]}
        )
        if conflict is None:
            messages.success(request, _("Opfølgningspunktet er gemt."))
            return redirect(form.instance)
        form = form_after_conflict(FollowUpForm, request.POST, conflict, forums=forums)
    return render(request, "plan/follow_up_edit.html", {"form": form, "item": item, "conflict": conflict})
