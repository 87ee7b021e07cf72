"""Who may open, facilitate and see dialogue meetings. Participants need no account and no rule here:
they are known by their cookie, and see only their own notes."""

from __future__ import annotations

import rules

from handlekraft.organisation.rules import is_committee_member_for, is_hr, is_leader_anywhere, is_leader_of


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

rules.add_perm("dialogue.add_meeting", can_open_meetings)
rules.add_perm("dialogue.change_meeting", can_facilitate)
