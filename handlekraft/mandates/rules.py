"""Who may do what with decision areas. Views, API and templates use these and nothing else."""

from __future__ import annotations

import rules
from django.http import Http404
from django.utils.translation import gettext as _

from handlekraft.organisation.models import Unit
from handlekraft.organisation.rules import is_committee_member_for, is_hr, is_leader_of


def own_unit_or_404(user) -> Unit:
    """The unit whose råderum is this person's own (where they work); 404 for someone in no unit."""
    unit = user.primary_unit
    if unit is None:
        raise Http404(_("Du er ikke knyttet til en enhed."))
    return unit


@rules.predicate
def can_edit_mandates_of(user, unit) -> bool:
    """Leaders of the unit or of a unit above it, and HR."""
    return bool(is_leader_of(user, unit) or is_hr(user))


@rules.predicate
def can_edit_area(user, area) -> bool:
    return area is not None and can_edit_mandates_of(user, area.unit)


# Every signed-in person may read every unit's råderum: knowing what others may decide is part of
# "Spot på det vi er fælles om, og hvor vi er forskellige".
rules.add_perm("mandates.view_area", rules.is_authenticated)
rules.add_perm("mandates.change_area", can_edit_area)
rules.add_perm("mandates.edit_unit", can_edit_mandates_of)


@rules.predicate
def can_answer_question(user, question) -> bool:
    # A middle manager's own question goes to the leader above, so she does not answer it herself.
    if question is None or question.asker_id == user.pk:
        return False
    return is_leader_of(user, question.unit) or is_hr(user)


@rules.predicate
def can_view_question(user, question) -> bool:
    return question is not None and (question.asker_id == user.pk or can_answer_question(user, question))


rules.add_perm("mandates.view_question", can_view_question)
rules.add_perm("mandates.answer_question", can_answer_question)


@rules.predicate
def can_see_unlearning(user, root) -> bool:
    """Aflæring for the whole organisation: HU (the committee covering the root) and HR."""
    return root is not None and bool(is_hr(user) or is_committee_member_for(user, root))


@rules.predicate
def can_take_part_in_poker(user, session) -> bool:
    """The members of the unit and the units below it, its leaders, and HR."""
    if not getattr(user, "is_authenticated", False) or session is None:
        return False
    if is_leader_of(user, session.unit) or is_hr(user):
        return True
    return any(m.unit.is_within(session.unit) for m in user.memberships)


@rules.predicate
def can_run_poker(user, session) -> bool:
    return session is not None and can_edit_mandates_of(user, session.unit)
