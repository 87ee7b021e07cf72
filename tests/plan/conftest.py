from __future__ import annotations

from datetime import date

import pytest

from handlekraft.organisation.models import Committee, CommitteeMember
from handlekraft.plan.models import Activity, FollowUp, Forum, Initiative


@pytest.fixture
def plan(cast):
    """An initiative with two forums (the cast's LMU and a leaders' forum) and an activity in each."""
    initiative = Initiative.objects.create(
        title="Aktørskab 2025–2026", first_quarter="2025Q4", last_quarter="2026Q4"
    )
    lmu = Forum.objects.create(
        name="LMU Bøgely", short_name="LMU", kind=Forum.Kind.COMMITTEE, committee=cast.lmu
    )
    dir_ = Forum.objects.create(name="Direktionen (DIR)", short_name="DIR", kind=Forum.Kind.LEADERS)
    hu_committee = Committee.objects.create(name="Hovedudvalget", kind=Committee.Kind.HU, unit=cast.kommune)
    hu = Forum.objects.create(
        name="Hovedudvalget (HU)", short_name="HU", kind=Forum.Kind.COMMITTEE, committee=hu_committee
    )
    meeting = Activity.objects.create(
        initiative=initiative,
        title="Dialogmøde i LMU Bøgely",
        forum=lmu,
        quarter="2026Q1",
        kind=Activity.Kind.MEETING,
        status=Activity.Status.DONE,
        responsible=cast.leader,
    )
    theme = Activity.objects.create(
        initiative=initiative,
        title="Tema på DIR-seminar i november",
        forum=dir_,
        quarter="2025Q4",
        day=date(2025, 11, 20),
        kind=Activity.Kind.THEME,
        status=Activity.Status.DONE,
    )
    follow = Activity.objects.create(
        initiative=initiative,
        title="Opfølgning ifm. arbejdsmiljørapporterne i HU",
        forum=hu,
        quarter="2026Q3",
        until_quarter="2026Q4",
        kind=Activity.Kind.FOLLOW_UP,
        status=Activity.Status.RUNNING,
        responsible=cast.hr,
    )
    return type(
        "Plan",
        (),
        {
            "initiative": initiative,
            "lmu": lmu,
            "dir": dir_,
            "hu": hu,
            "hu_committee": hu_committee,
            "meeting": meeting,
            "theme": theme,
            "follow": follow,
        },
    )


def sit_in(committee, user) -> None:
    CommitteeMember.objects.create(
        committee=committee,
        user=user,
        side=CommitteeMember.Side.EMPLOYEES,
        position=CommitteeMember.Position.MEMBER,
    )


def follow_up(plan, cast, **fields) -> FollowUp:
    values = {
        "title": "Aftale hjørneflag for vikarbestilling",
        "forum": plan.lmu,
        "owner": cast.leader,
        "due": date(2026, 12, 1),
        "created_by": cast.tr,
    } | fields
    return FollowUp.objects.create(**values)
