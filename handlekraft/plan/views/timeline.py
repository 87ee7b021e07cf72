"""The plan's timeline by quarter, a forum's page and the activities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.locking import form_after_conflict, save_unless_changed
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.rules import is_leader_anywhere

from ..forms import ActivityForm, ActivityStatusForm, ForumFilterForm
from ..models import Activity, FollowUp, Forum, Initiative, quarter_label
from ..rules import (
    can_follow_forum,
    can_manage_plan,
    can_see_status,
    can_update_activity,
)

LIST_SIZE = 100


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
