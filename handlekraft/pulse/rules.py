"""Who may see which pulse results (issue 8): a leader for their subtree, TR and AMR for their unit,
committee members for what their committee covers, HR for everything, employees for their own unit and
the organisation. Running surveys is HR's. Nobody, not even HR or a superuser, sees a single response."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from handlekraft.organisation.rules import (
    is_committee_member_for,
    is_hr,
    is_leader_of,
    is_member_of,
    is_representative_of,
)


@rules.predicate
def is_organisation_root(user, unit) -> bool:
    return unit is not None and unit.parent_id is None


@rules.predicate
def works_in_survey(user, survey) -> bool:
    """The survey asked one of the person's units (its subtree holds where they work)."""
    return survey is not None and any(m.unit.path.startswith(survey.unit.path) for m in user.memberships)


# The one rule for a survey itself (its title, items and status), used by the list, the page and the API.
can_see_survey = is_hr | (rules.is_authenticated & works_in_survey)

can_run_surveys = is_hr
can_see_results = (
    is_hr
    | is_leader_of
    | is_representative_of
    | is_committee_member_for
    | is_member_of
    | (rules.is_authenticated & is_organisation_root)
)

rules.add_perm("pulse.run_survey", can_run_surveys)


# The unit's leader (or one above), its TR and AMR, and HR write its action plan together.
can_edit_action_plan = is_hr | is_leader_of | is_representative_of


@rules.predicate
def sits_in_hu(user) -> bool:
    return any(cm.committee.kind == "HU" for cm in getattr(user, "committee_memberships", []))


can_see_all_action_plans = is_hr | sits_in_hu


# Who sees the units below in the results (the heatmap and their rows): the unit's leaders, the
# committees that cover it, and HR. Employees, TR and AMR see their own unit and the organisation.
can_see_units_below = is_hr | is_leader_of | is_committee_member_for


def require_survey_manager(user) -> None:
    """HR's pages and endpoints for creating and running surveys open with this: 403 for anyone else."""
    if not can_run_surveys(user):
        raise PermissionDenied(_("Kun HR kan oprette og styre målinger."))
