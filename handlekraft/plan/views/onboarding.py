"""A new leader's onboarding checklist, HR's overview of it, and the welcome page for new people."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Membership, Role
from handlekraft.stories.models import Story

from .. import onboarding
from ..models import LeaderOnboarding, WelcomeDismissal
from ..rules import (
    can_see_onboarding_overview,
)

LIST_SIZE = 100


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
    WelcomeDismissal.dismiss(request.user)
    messages.success(request, _("Velkomsten er skjult. Du finder den altid under Plan."))
    return redirect("home")


@login_required
def welcome(request: SignedInRequest) -> HttpResponse:
    """ "Velkommen – her er dit råderum": what a new employee may decide, and whom to ask."""
    unit = request.user.primary_unit
    context: dict[str, Any] = {"unit": unit}
    if unit is not None:
        context |= {
            # "Det må I selv beslutte": the areas the team decides (level 5 and up), not all of them.
            "areas": [a for a in DecisionArea.objects.for_unit(unit) if a.team_decides],
            "stories": list(
                Story.objects.visible_to(request.user)
                .filter(unit__path__startswith=unit.path)
                .select_related("unit")
                .prefetch_related("professions")  # each card names the story's professions
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
