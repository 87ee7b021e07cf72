"""Who may do what with the plan.

Everyone signed in may read the plan (it is the organisation's shared picture). HR maintains it; the
person responsible for an activity may update its status. Follow-up items belong to a forum: the members
of its MED committee (for a leaders' forum: leaders) follow them with HR and the item's owner. The HU page
is for HU, HR and the top management.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from handlekraft.dialogue.rules import sits_in_a_committee
from handlekraft.organisation.models import Role
from handlekraft.organisation.rules import is_hr, is_leader_anywhere
from handlekraft.pulse.rules import sits_in_hu

from .models import FollowUp, Forum


@rules.predicate
def follows_forum(user, forum) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active or forum is None:
        return False
    if forum.committee_id:
        return any(cm.committee_id == forum.committee_id for cm in user.committee_memberships)
    return is_leader_anywhere(user)


@rules.predicate
def is_responsible(user, activity) -> bool:
    return getattr(user, "is_authenticated", False) and activity.responsible_id == user.pk


@rules.predicate
def owns_follow_up(user, item) -> bool:
    return getattr(user, "is_authenticated", False) and user.pk in (item.owner_id, item.created_by_id)


@rules.predicate
def follows_item_forum(user, item) -> bool:
    return follows_forum(user, item.forum)


@rules.predicate
def leads_the_organisation(user) -> bool:
    return getattr(user, "is_authenticated", False) and any(
        m.role == Role.LEADER and m.unit.parent_id is None for m in user.memberships
    )


can_manage_plan = is_hr
can_update_activity = is_hr | is_responsible
can_follow_forum = is_hr | follows_forum
can_see_follow_up = is_hr | follows_item_forum | owns_follow_up
can_change_follow_up = is_hr | owns_follow_up
can_see_status = is_hr | sits_in_hu | leads_the_organisation
can_see_onboarding_overview = is_hr
# HR, committee members and leaders follow a forum, so they may add items to it (no query: roles are loaded).
can_create_follow_ups = is_hr | sits_in_a_committee | is_leader_anywhere

rules.add_perm("plan.manage", can_manage_plan)


def followed_forums(user) -> QuerySet[Forum]:
    """The list twin of `can_follow_forum`: the forums whose follow-up items the person follows (HR: all)."""
    forums = Forum.objects.select_related("committee")
    if can_manage_plan(user):
        return forums
    committees = [cm.committee_id for cm in user.committee_memberships]
    leaders = (
        Q(kind=Forum.Kind.LEADERS) if any(m.role == Role.LEADER for m in user.memberships) else Q(pk__in=[])
    )
    return forums.filter(Q(committee_id__in=committees) | leaders)


def follow_up_for(user, pk: int) -> FollowUp:
    """A follow-up item for someone who may see it (its forum's members, its owner, HR): 404 when there
    is no such item, 403 for anyone else."""
    item = get_object_or_404(
        FollowUp.objects.select_related(
            "owner", "forum", "created_by", "meeting", "activity", "action_plan__unit"
        ),
        pk=pk,
    )
    if not can_see_follow_up(user, item):
        raise PermissionDenied
    return item
