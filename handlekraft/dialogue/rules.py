"""Who may open, facilitate and see dialogue meetings. Participants need no account and no rule here:
they are known by their cookie, and see only their own notes."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from handlekraft.organisation.models import Committee, Role, Unit
from handlekraft.organisation.rules import is_committee_member_for, is_hr, is_leader_anywhere, is_leader_of

from .models import Meeting


@rules.predicate
def sits_in_a_committee(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.committee_memberships)


@rules.predicate
def is_facilitator(user, meeting) -> bool:
    if not getattr(user, "is_authenticated", False) or meeting is None:
        return False
    return any(f.pk == user.pk for f in meeting.facilitators.all())


# Leaders, members of a MED committee and HR open meetings; whoever opens one facilitates it.
can_open_meetings = is_leader_anywhere | sits_in_a_committee | is_hr
# The board, the notes' metadata, exports and every change belong to the facilitators only.
can_facilitate = is_facilitator

# Which units a meeting may be held in: those the person leads, those their committee covers; HR: all.
can_hold_meetings_in = is_hr | is_leader_of | is_committee_member_for


def forums_for(user) -> tuple[QuerySet[Committee], QuerySet[Unit]]:
    """The list twin of the above, for the meeting form: the committees the person sits in and the units
    they lead (HR: every committee, and the units of the top three levels)."""
    committees = Committee.objects.select_related("unit").order_by("unit__path", "name")
    units = Unit.objects.order_by("path")
    if is_hr(user):
        return committees, units.filter(depth__lte=2)
    return (
        committees.filter(pk__in=[cm.committee_id for cm in user.committee_memberships]),
        units.filter(pk__in=[m.unit_id for m in user.memberships if m.role == Role.LEADER]),
    )


def facilitated_meeting(user, pk: int) -> Meeting:
    """The meeting for one of its facilitators, as the board, the exports and the API open it: 404 when
    there is no such meeting, 403 for anyone else."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("committee__unit", "unit", "template").prefetch_related(
            "facilitators"
        ),
        pk=pk,
    )
    if not can_facilitate(user, meeting):
        raise PermissionDenied(_("Kun mødets facilitatorer har adgang."))
    return meeting


rules.add_perm("dialogue.add_meeting", can_open_meetings)
rules.add_perm("dialogue.change_meeting", can_facilitate)
