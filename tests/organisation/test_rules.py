"""The permission predicates every module builds on, for the whole cast."""

from __future__ import annotations

import pytest

from handlekraft.organisation.models import CommitteeMember
from handlekraft.organisation.rules import (
    is_committee_member_for,
    is_hr,
    is_leader_of,
    is_member_of,
    is_representative_of,
)


def who_passes(cast, predicate, unit) -> set[str]:
    return {
        name
        for name in ["leader", "employee", "other", "tr", "amr", "hr", "anonymous"]
        if predicate(getattr(cast, name), unit)
    }


def test_member_of_is_the_unit_itself(cast):
    assert who_passes(cast, is_member_of, cast.unit) == {"leader", "employee", "tr", "amr"}
    assert who_passes(cast, is_member_of, cast.team) == set()  # not inherited downwards
    assert who_passes(cast, is_member_of, cast.other_unit) == {"other"}


def test_leader_of_covers_the_unit_and_everything_below(cast):
    assert who_passes(cast, is_leader_of, cast.unit) == {"leader"}
    assert who_passes(cast, is_leader_of, cast.team) == {"leader"}
    assert who_passes(cast, is_leader_of, cast.area) == set()  # not upwards
    assert who_passes(cast, is_leader_of, cast.other_unit) == set()  # not sideways


def test_representative_of_is_tr_or_amr_of_the_unit_or_above(cast):
    assert who_passes(cast, is_representative_of, cast.unit) == {"tr", "amr"}
    assert who_passes(cast, is_representative_of, cast.team) == {"tr", "amr"}
    assert who_passes(cast, is_representative_of, cast.other_unit) == set()


def test_committee_member_for_follows_the_committees_coverage(cast):
    assert who_passes(cast, is_committee_member_for, cast.team) == {"leader", "tr"}
    assert who_passes(cast, is_committee_member_for, cast.other_unit) == set()
    from handlekraft.organisation.models import Committee

    hu = Committee.objects.create(name="HU", kind=Committee.Kind.HU, unit=cast.kommune)
    CommitteeMember.objects.create(
        committee=hu,
        user=cast.other,
        side=CommitteeMember.Side.EMPLOYEES,
        position=CommitteeMember.Position.MEMBER,
    )
    cast.other = type(cast.other).objects.get(pk=cast.other.pk)  # memberships are cached per object
    assert is_committee_member_for(cast.other, cast.team)


def test_hr_is_organisation_wide(cast):
    assert {
        name
        for name in ["leader", "employee", "other", "tr", "amr", "hr", "anonymous"]
        if is_hr(getattr(cast, name))
    } == {"hr"}


@pytest.mark.parametrize(
    "predicate", [is_member_of, is_leader_of, is_representative_of, is_committee_member_for]
)
def test_a_deactivated_person_passes_nothing(cast, predicate):
    cast.leader.is_active = False
    assert not predicate(cast.leader, cast.unit)


def test_checks_cost_one_query_per_person_whatever_the_number_of_units(cast, django_assert_num_queries):
    from handlekraft.organisation.models import User

    leader = User.objects.get(pk=cast.leader.pk)
    units = [cast.kommune, cast.area, cast.unit, cast.team, cast.other_unit, cast.hr_unit]
    with django_assert_num_queries(2):  # memberships, committee memberships
        for unit in units * 10:
            is_leader_of(leader, unit)
            is_member_of(leader, unit)
            is_committee_member_for(leader, unit)
