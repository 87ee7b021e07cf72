"""Who may do what with the organisation. Every later app builds its permissions from these predicates.

The checks read `user.memberships` and `user.committee_memberships`, which are loaded once per
request, and compare unit paths in Python: no query per check, however many units a page shows.
"""

from __future__ import annotations

import rules

from .models import Role, Unit


def _roles_in_lineage(user, unit: Unit, roles: set[str]) -> bool:
    """True when the user holds one of `roles` in `unit` or in one of its ancestors."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or unit is None:
        return False
    return any(m.role in roles and unit.is_within(m.unit) for m in user.memberships)


@rules.predicate
def is_hr(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return any(m.role == Role.HR for m in user.memberships)


@rules.predicate
def is_member_of(user, unit: Unit) -> bool:
    """Works in the unit itself (any role there)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or unit is None:
        return False
    return any(m.unit_id == unit.pk for m in user.memberships)


@rules.predicate
def is_leader_of(user, unit: Unit) -> bool:
    """Leads the unit or one of the units above it."""
    return _roles_in_lineage(user, unit, {Role.LEADER})


@rules.predicate
def is_representative_of(user, unit: Unit) -> bool:
    """TR or AMR for the unit or for one of the units above it."""
    return _roles_in_lineage(user, unit, {Role.TR, Role.AMR})


@rules.predicate
def is_committee_member_for(user, unit: Unit) -> bool:
    """Sits in a MED committee whose coverage includes the unit."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or unit is None:
        return False
    return any(unit.is_within(cm.committee.unit) for cm in user.committee_memberships)


@rules.predicate
def is_leader_anywhere(user) -> bool:
    return getattr(user, "is_authenticated", False) and any(m.role == Role.LEADER for m in user.memberships)


@rules.predicate
def can_print_sign_in_codes(user, unit: Unit) -> bool:
    """The unit's leaders (and those above) and HR hand out one-time codes to the unit's people."""
    return is_leader_of(user, unit) or is_hr(user)


# Everyone signed in may see the organisation: who leads, who is TR and AMR, which committees exist.
rules.add_perm("organisation.view_unit", rules.is_authenticated)
rules.add_perm("organisation.view_committee", rules.is_authenticated)
# Maintaining organisation data and settings is HR's.
rules.add_perm("organisation.manage", is_hr)
rules.add_perm("organisation.use_admin", is_hr | rules.is_superuser)
# The platform apps below this one ask through permissions instead of importing it.
rules.add_perm("jobs.view_all_jobs", is_hr)
