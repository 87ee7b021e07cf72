"""The plan's sections on other modules' pages (see lib/panels.py): the follow-up items that came from a
dialogue meeting's "Vejen videre" or from an action plan, with a way to add one."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from handlekraft.lib import panels

from .models import Activity, FollowUp
from .rules import can_create_follow_ups, can_see_follow_up


def _render(request, items, create_url: str) -> str:
    items = list(items.select_related("owner", "forum")[:20])
    visible = [item for item in items if can_see_follow_up(request.user, item)]
    if not visible and not can_create_follow_ups(request.user):
        return ""
    return render_to_string(
        "plan/_follow_up_panel.html",
        {"items": visible, "create_url": create_url if can_create_follow_ups(request.user) else ""},
    )


@panels.register("meeting")
def meeting_follow_ups(request, meeting) -> str:
    """On the facilitator's board: links only, so the live board keeps its query budget."""
    return render_to_string(
        "plan/_follow_up_panel.html",
        {
            "links_only": True,
            "list_url": reverse("plan:follow-ups") + f"?moede={meeting.pk}",
            "create_url": reverse("plan:follow-up-create") + f"?moede={meeting.pk}",
        },
    )


@panels.register("action_plan")
def action_plan_follow_ups(request, plan) -> str:
    url = reverse("plan:follow-up-create") + f"?handleplan={plan.pk}"
    return _render(request, FollowUp.objects.filter(action_plan=plan), url)


@panels.register("committee")
def committee_plan(request, committee) -> str:
    """The committee's activities in the plan, with a link to its forum page (one query)."""
    activities = list(
        Activity.objects.filter(forum__committee=committee).select_related("forum").order_by("quarter", "day")
    )
    if not activities:
        return ""
    return render_to_string(
        "plan/_committee_panel.html", {"activities": activities, "forum": activities[0].forum}
    )
