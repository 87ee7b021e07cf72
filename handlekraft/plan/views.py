"""The plan pages: the timeline by quarter, a forum's page, activities, follow-up items and onboarding."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.dialogue.rules import can_facilitate
from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Membership, Role
from handlekraft.organisation.rules import is_leader_anywhere
from handlekraft.stories.models import Story

from . import onboarding
from .forms import ActivityForm, ActivityStatusForm, FollowUpForm, FollowUpStatusForm, ForumFilterForm
from .models import Activity, FollowUp, Forum, Initiative, LeaderOnboarding, WelcomeDismissal, quarter_label
from .rules import (
    can_change_follow_up,
    can_follow_forum,
    can_manage_plan,
    can_see_follow_up,
    can_see_onboarding_overview,
    can_see_status,
    can_update_activity,
)

LIST_SIZE = 100


def followed_forums(user):
    """The forums whose follow-up items the person follows (HR: all)."""
    forums = Forum.objects.select_related("committee")
    if can_manage_plan(user):
        return forums
    committees = [cm.committee_id for cm in user.committee_memberships]
    leaders = (
        Q(kind=Forum.Kind.LEADERS) if any(m.role == Role.LEADER for m in user.memberships) else Q(pk__in=[])
    )
    return forums.filter(Q(committee_id__in=committees) | leaders)


def by_quarter(activities, quarters: list[str]) -> list[dict]:
    columns: dict[str, list] = {q: [] for q in quarters}
    for activity in activities:
        for quarter in activity.quarters():
            columns.setdefault(quarter, []).append(activity)
    return [{"quarter": q, "label": quarter_label(q), "activities": columns[q]} for q in sorted(columns)]


@login_required
def timeline(request: SignedInRequest) -> HttpResponse:
    """The initiative's activities by quarter, like the seed's own slide; filter by forum."""
    initiatives = list(Initiative.objects.all())
    chosen = request.GET.get("indsats", "")
    initiative = next(
        (i for i in initiatives if str(i.pk) == chosen), initiatives[0] if initiatives else None
    )
    form = ForumFilterForm(request.GET or None)
    forum = form.cleaned_data.get("forum") if form.is_valid() else None
    columns = []
    if initiative is not None:
        activities = initiative.activities.select_related("forum", "responsible")
        if forum is not None:
            activities = activities.filter(forum=forum)
        columns = by_quarter(activities, initiative.quarters())
    return render(
        request,
        "plan/timeline.html",
        {
            "initiative": initiative,
            "initiatives": initiatives,
            "indicators": list(initiative.indicators.select_related("construct")) if initiative else [],
            "columns": columns,
            "form": form,
            "forum": forum,
            "can_manage": can_manage_plan(request.user),
            "can_see_status": can_see_status(request.user),
            "is_leader": is_leader_anywhere(request.user),
        },
    )


@login_required
def forum_page(request: SignedInRequest, pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum.objects.select_related("committee"), pk=pk)
    activities = forum.activities.select_related("responsible").order_by("quarter", "day", "title")
    follows = can_follow_forum(request.user, forum)
    items = []
    if follows:
        items = list(
            forum.follow_ups.select_related("owner").exclude(status=FollowUp.Status.DONE)[:LIST_SIZE]
        )
    return render(
        request,
        "plan/forum.html",
        {
            "forum": forum,
            "columns": by_quarter(activities, []),
            "follows": follows,
            "items": items,
            "today": timezone.localdate(),
        },
    )


@login_required
def activity_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("forum", "responsible", "initiative"), pk=pk)
    may_update = can_update_activity(request.user, activity)
    form = ActivityStatusForm(request.POST or None, instance=activity)
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        if form.is_valid():
            activity.set_status(form.cleaned_data["status"])
            messages.success(request, _("Status er gemt."))
            return redirect(activity)
    follows = can_follow_forum(request.user, activity.forum)
    return render(
        request,
        "plan/activity.html",
        {
            "activity": activity,
            "form": form,
            "may_update": may_update,
            "can_manage": can_manage_plan(request.user),
            "meetings": list(activity.meetings.all()),
            "summaries": list(activity.summaries.all()),
            "surveys": list(activity.surveys.all()),
            "action_plans": list(activity.action_plans.select_related("survey", "unit")),
            "items": list(activity.follow_ups.select_related("owner")) if follows else [],
            "follows": follows,
        },
    )


@login_required
def activity_edit(request: SignedInRequest, pk: int | None = None) -> HttpResponse:
    """Create or edit an activity (HR). A concurrent save is shown as a conflict; nothing typed is lost."""
    if not can_manage_plan(request.user):
        raise PermissionDenied
    activity = (
        get_object_or_404(Activity.objects.select_related("initiative", "responsible"), pk=pk) if pk else None
    )
    initiative = activity.initiative if activity else Initiative.objects.first()
    if initiative is None:
        messages.error(request, _("Opret først en indsats under Administration."))
        return redirect("plan:timeline")
    form = ActivityForm(request.POST or None, instance=activity)
    conflict = None
    if request.method == "POST" and form.is_valid():
        responsible = form.cleaned_data["responsible_email"]
        if activity is None:
            with transaction.atomic():
                saved = form.save(commit=False)
                saved.initiative, saved.responsible = initiative, responsible
                saved.save()
                form.save_links(saved)
        else:
            conflict = save_unless_changed(
                form, form.cleaned_data["version"], form.save_links, also={"responsible": responsible}
            )
        if conflict is None:
            messages.success(request, _("Aktiviteten er gemt."))
            return redirect(form.instance)
        form = form_after_conflict(ActivityForm, request.POST, conflict)
    return render(
        request, "plan/activity_edit.html", {"form": form, "activity": activity, "conflict": conflict}
    )


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
    initial = {"due": timezone.localdate() + timedelta(days=30), "owner_email": request.user.email}
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


def _visible_item(request: HttpRequest, pk: int) -> FollowUp:
    item = get_object_or_404(
        FollowUp.objects.select_related(
            "owner", "forum", "created_by", "meeting", "activity", "action_plan__unit"
        ),
        pk=pk,
    )
    if not can_see_follow_up(request.user, item):
        raise PermissionDenied
    return item


@login_required
def follow_up_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
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
    item = _visible_item(request, pk)
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


@login_required
def onboarding_overview(request: SignedInRequest) -> HttpResponse:
    """HR: every new leader's progress through the onboarding checklist."""
    if not can_see_onboarding_overview(request.user):
        raise PermissionDenied
    since = timezone.localdate() - onboarding.FIRST_YEAR
    rows = list(
        LeaderOnboarding.objects.filter(started__gte=since).select_related("leader", "unit")[:LIST_SIZE]
    )
    return render(
        request,
        "plan/onboarding_overview.html",
        {"rows": onboarding.progress(rows, with_representatives=False), "keys": onboarding.ITEMS},
    )


@login_required
def my_onboarding(request: SignedInRequest) -> HttpResponse:
    """The new leader's checklist: loaded into the front page (htmx), or as a page of its own."""
    progress = onboarding.for_leader(request.user)
    if request.htmx:
        return render(request, "plan/_onboarding.html", {"onboarding": progress})
    return render(request, "plan/my_onboarding.html", {"onboarding": progress})


@login_required
@require_POST
def onboarding_tick(request: SignedInRequest, pk: int) -> HttpResponse:
    """The one item a leader ticks by hand: "I have met TR and AMR" (or takes the tick back)."""
    row = get_object_or_404(LeaderOnboarding, pk=pk, leader=request.user)
    row.mark_met_representatives(request.POST.get("met") == "1")
    messages.success(request, _("Tjeklisten er opdateret."))
    return redirect("home")


@login_required
def welcome_box(request: SignedInRequest) -> HttpResponse:
    """The front page's welcome box for a new employee (loaded by htmx), until they hide it."""
    if WelcomeDismissal.objects.filter(user=request.user).exists():
        return HttpResponse("")
    return render(request, "plan/_welcome_box.html")


@login_required
@require_POST
def welcome_dismiss(request: SignedInRequest) -> HttpResponse:
    WelcomeDismissal.objects.get_or_create(user=request.user)
    messages.success(request, _("Velkomsten er skjult. Du finder den altid under Plan."))
    return redirect("home")


@login_required
def welcome(request: SignedInRequest) -> HttpResponse:
    """ "Velkommen – her er dit råderum": what a new employee may decide, and whom to ask."""
    unit = request.user.primary_unit
    context: dict[str, Any] = {"unit": unit}
    if unit is not None:
        context |= {
            "areas": DecisionArea.objects.for_unit(unit),
            "stories": list(
                Story.objects.visible_to(request.user)
                .filter(unit__path__startswith=unit.path)
                .select_related("unit")
                .order_by("-published_at")[:5]
            ),
            "representatives": list(representatives_of(unit)),
        }
    return render(request, "plan/welcome.html", context)


def representatives_of(unit):
    """The TR and AMR of the unit, or of the nearest unit above it that has them."""
    found = list(
        Membership.objects.filter(
            unit_id__in=unit.lineage_ids, role__in=[Role.TR, Role.AMR], user__is_active=True
        )
        .select_related("user", "unit")
        .order_by("-unit__depth", "role", "user__name")
    )
    nearest = {}
    for membership in found:
        nearest.setdefault(membership.role, membership.unit_id)
    return [m for m in found if nearest[m.role] == m.unit_id]
