"""Who may make and edit an opsamling: the person who made it, and HR; whoever may open dialogue meetings
may make one from the meetings they facilitate."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from handlekraft.dialogue.models import Meeting
from handlekraft.dialogue.rules import can_open_meetings
from handlekraft.organisation.rules import is_hr

from .models import Summary


@rules.predicate
def made_it(user, summary) -> bool:
    return summary is not None and getattr(user, "pk", None) == summary.created_by_id


can_make_summaries = can_open_meetings
can_edit_summary = made_it | is_hr

rules.add_perm("summaries.add_summary", can_make_summaries)
rules.add_perm("summaries.change_summary", can_edit_summary)


def meetings_for(user):
    """The meetings a person may make an opsamling from (the list twin of the rule): those they
    facilitate, all for HR."""
    meetings = Meeting.objects.select_related("committee", "unit").order_by("-starts_at", "-created")
    return meetings if is_hr(user) else meetings.filter(facilitators=user)


def summary_for(user, pk: int) -> Summary:
    """An opsamling for the person who made it or HR: 404 when there is none, 403 for anyone else."""
    summary = get_object_or_404(Summary.objects.select_related("job"), pk=pk)
    if not can_edit_summary(user, summary):
        raise PermissionDenied
    return summary
