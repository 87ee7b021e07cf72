"""API for the plan (DESIGN §5)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from handlekraft.organisation.models import Role
from handlekraft.organisation.rules import is_leader_anywhere

from . import onboarding
from .models import Activity, LeaderOnboarding

router = Router(tags=["plan"])


class ActivityOut(Schema):
    id: int
    title: str
    forum: str
    quarter: str
    status: str


class ActivitiesOut(Schema):
    activities: list[ActivityOut]


class OnboardingItemOut(Schema):
    key: str
    done: bool


class OnboardingOut(Schema):
    items: list[OnboardingItemOut]


@router.get("/plan/activities", response=ActivitiesOut, summary="Planens aktiviteter")
def activities(request):
    rows = Activity.objects.select_related("forum").order_by("quarter", "day", "title")
    return {
        "activities": [
            {
                "id": a.pk,
                "title": a.title,
                "forum": a.forum.short_name,
                "quarter": a.quarter,
                "status": a.status,
            }
            for a in rows
        ]
    }


@router.get("/me/onboarding", response=OnboardingOut, summary="Min tjekliste som ny leder")
def my_onboarding(request):
    """A leader's checklist (computed for any leader, new or not); with several units, an item is done
    when it is done in all of them. Others get 403."""
    user = request.user
    if not is_leader_anywhere(user):
        raise PermissionDenied
    led = [m.unit for m in user.memberships if m.role == Role.LEADER]
    rows = {row.unit_id: row for row in onboarding.current(user).select_related("unit")}
    progress = onboarding.progress(
        [rows.get(unit.pk) or LeaderOnboarding(leader=user, unit=unit) for unit in led],
        with_representatives=False,
    )
    return {
        "items": [
            {"key": key, "done": all(p.items[i].done for p in progress)}
            for i, key in enumerate(onboarding.KEYS)
        ]
    }
