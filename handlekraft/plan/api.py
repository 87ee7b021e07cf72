"""API for the plan (DESIGN §5)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from . import onboarding
from .models import Activity

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
    """A new leader's checklist; a leader in several units gets each item done when done in all of them."""
    progress = onboarding.for_leader(request.user)
    if not progress:
        raise PermissionDenied
    return {
        "items": [
            {"key": key, "done": all(p.items[i].done for p in progress)}
            for i, key in enumerate(onboarding.KEYS)
        ]
    }
