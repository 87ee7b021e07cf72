"""Who may do what with experiments and simplification proposals."""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from handlekraft.organisation.models import Role
from handlekraft.organisation.rules import is_hr, is_leader_of

from .models import Proposal


@rules.predicate
def is_owner(user, experiment) -> bool:
    return experiment is not None and user.pk in {o.pk for o in experiment.owners.all()}


@rules.predicate
def leads_experiment_unit(user, experiment) -> bool:
    return experiment is not None and is_leader_of(user, experiment.unit)


@rules.predicate
def can_start_experiment_in(user, unit) -> bool:
    """People who work in the unit (or below it) and its leaders."""
    if not getattr(user, "is_authenticated", False) or unit is None:
        return False
    return is_leader_of(user, unit) or any(m.unit.is_within(unit) for m in user.memberships)


can_edit_experiment = is_owner | leads_experiment_unit | is_hr
can_decide_experiment = leads_experiment_unit | is_hr

rules.add_perm("experiments.view_experiment", rules.is_authenticated)
rules.add_perm("experiments.change_experiment", can_edit_experiment)
rules.add_perm("experiments.decide_experiment", can_decide_experiment)


@rules.predicate
def can_answer_proposal(user, proposal) -> bool:
    """The leaders of the unit it is routed to, or HR when it is routed centrally."""
    if proposal is None:
        return False
    if proposal.routed_to_id:
        return is_leader_of(user, proposal.routed_to)
    return is_hr(user)


def proposals_waiting_for(user) -> QuerySet[Proposal]:
    """The list twin of `can_answer_proposal`: open proposals routed to units this person leads (or below
    them), and the central ones for HR."""
    led = [m.unit.path for m in user.memberships if m.role == Role.LEADER]
    condition = Q(pk__in=[])
    for path in led:
        condition |= Q(routed_to__path__startswith=path)
    if is_hr(user):
        condition |= Q(routed_to__isnull=True)
    open_statuses = [Proposal.Status.RECEIVED, Proposal.Status.IN_PROGRESS, Proposal.Status.FORWARDED]
    return Proposal.objects.filter(condition, status__in=open_statuses).select_related("unit")


rules.add_perm("experiments.answer_proposal", can_answer_proposal)
