"""Every plan page tried by the whole cast, within ten queries; the follow-up sections on a meeting's board
and on an action plan; a follow-up item made from a meeting's "Vejen videre"."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.plan import status
from handlekraft.plan.models import FollowUp, LeaderOnboarding
from handlekraft.pulse.models import ActionPlan, Survey
from tests.conftest import CAST
from tests.plan.conftest import follow_up

ALL = {who: 200 for who in CAST if who != "anonymous"} | {"anonymous": 302}


def pages(plan, item) -> dict[str, dict[str, int]]:
    """Path → the status each member of the cast gets."""
    members = {"leader": 200, "tr": 200, "hr": 200, "anonymous": 302}
    return {
        "/plan/": ALL,
        f"/plan/fora/{plan.lmu.pk}/": ALL,
        f"/plan/aktiviteter/{plan.follow.pk}/": ALL,
        "/plan/aktiviteter/ny/": {"hr": 200, "anonymous": 302},
        f"/plan/aktiviteter/{plan.follow.pk}/rediger/": {"hr": 200, "anonymous": 302},
        "/plan/opfoelgning/": ALL,
        "/plan/opfoelgning/ny/": members,  # the LMU's members and HR
        item.get_absolute_url(): members,
        f"/plan/opfoelgning/{item.pk}/rediger/": {"leader": 200, "tr": 200, "hr": 200, "anonymous": 302},
        "/plan/kalender/": ALL,
        "/plan/status/": {"hr": 200, "anonymous": 302},
        "/plan/status/rapport.docx": {"hr": 200, "anonymous": 302},
        "/plan/onboarding/": {"hr": 200, "anonymous": 302},
        "/plan/onboarding/mine/": ALL,
        "/plan/velkommen/": ALL,
        "/plan/velkommen/boks/": ALL,
    }


@pytest.mark.parametrize("who", CAST)
def test_every_page_for_the_whole_cast_within_ten_queries(
    client_as, plan, cast, who, django_assert_max_num_queries
):
    status.compute()
    item = follow_up(plan, cast)  # owner: the leader; created by the TR
    client = client_as(who)
    for path, expected in pages(plan, item).items():
        with django_assert_max_num_queries(10):
            response = client.get(path)
        assert response.status_code == expected.get(who, 403), (path, who, response.status_code)


def test_the_tick_is_the_leaders_own(client_as, cast):
    row = LeaderOnboarding.objects.get(leader=cast.leader)
    for who in ("employee", "tr", "hr", "other"):
        assert client_as(who).post(f"/plan/onboarding/{row.pk}/tr-amr/", {"met": "1"}).status_code == 404
    assert client_as("anonymous").post(f"/plan/onboarding/{row.pk}/tr-amr/", {"met": "1"}).status_code == 302
    row.refresh_from_db()
    assert row.met_representatives_on is None


@pytest.mark.parametrize("who", CAST)
def test_only_the_owner_creator_and_hr_change_an_item(client_as, plan, cast, who):
    item = follow_up(plan, cast)
    data = {
        "title": "Ny titel",
        "forum": plan.lmu.pk,
        "owner_email": cast.leader.email,
        "due": "2026-12-01",
        "source": "beslutning",
        "version": 1,
    }
    response = client_as(who).post(f"/plan/opfoelgning/{item.pk}/rediger/", data)
    allowed = who in ("leader", "tr", "hr")
    assert response.status_code == (302 if allowed or who == "anonymous" else 403)
    item.refresh_from_db()
    assert (item.title == "Ny titel") == allowed


def test_a_concurrent_edit_of_an_item_is_a_conflict(client_as, plan, cast):
    item = follow_up(plan, cast)
    data = {
        "title": "Min titel",
        "forum": plan.lmu.pk,
        "owner_email": cast.leader.email,
        "due": "2026-12-01",
        "source": "beslutning",
        "version": 1,
    }
    FollowUp.objects.filter(pk=item.pk).update(title="Deres titel", version=2)
    html = client_as("leader").post(f"/plan/opfoelgning/{item.pk}/rediger/", data).content.decode()
    assert "Nogen har gemt en ændring, mens du redigerede" in html and 'value="Min titel"' in html
    item.refresh_from_db()
    assert item.title == "Deres titel"


def test_a_meetings_way_forward_becomes_a_follow_up_item(
    client_as, plan, cast, django_assert_max_num_queries
):
    meeting = Meeting.objects.create(title="Hvad er aktørskab for os?", committee=cast.lmu, status="lukket")
    meeting.facilitators.add(cast.leader)
    note = Note.objects.create(
        meeting=meeting,
        client_id="a",
        column=meeting.column_keys[0],
        text="Aftal hjørneflag",
        way_forward=True,
    )
    Note.objects.create(meeting=meeting, client_id="b", column=meeting.column_keys[0], text="Kaffe")
    client = client_as("leader")
    board = client.get(meeting.get_absolute_url()).content.decode()
    assert f"/plan/opfoelgning/ny/?moede={meeting.pk}" in board
    page = client.get(f"/plan/opfoelgning/ny/?moede={meeting.pk}")
    assert [n.text for n in page.context["notes"]] == ["Aftal hjørneflag"]
    form = client.get(f"/plan/opfoelgning/ny/?moede={meeting.pk}&note={note.pk}").context["form"]
    assert form.initial["title"] == "Aftal hjørneflag" and form.initial["forum"] == plan.lmu.pk
    data = {
        "title": "Aftal hjørneflag",
        "forum": plan.lmu.pk,
        "owner_email": cast.leader.email,
        "due": timezone.localdate().isoformat(),
        "source": "moede",
        "meeting": meeting.pk,
    }
    assert client.post("/plan/opfoelgning/ny/", data).status_code == 302
    listed = client.get(f"/plan/opfoelgning/?moede={meeting.pk}").context
    assert [i.title for i in listed["mine"]] == ["Aftal hjørneflag"]  # the meeting's items
    assert listed["source"] == meeting
    follow_up(plan, cast, title="Fra et andet sted")
    assert [i.title for i in client.get(f"/plan/opfoelgning/?moede={meeting.pk}").context["mine"]] == [
        "Aftal hjørneflag"
    ]
    # The TR sits in the LMU but does not facilitate: no notes offered.
    assert client_as("tr").get(f"/plan/opfoelgning/ny/?moede={meeting.pk}").context["notes"] == []


def test_an_action_plan_shows_its_follow_up_items(client_as, plan, cast):
    survey = Survey.objects.create(
        title="Puls", unit=cast.kommune, opens=date(2026, 11, 1), closes=date(2026, 11, 20), round="2026Q4"
    )
    Survey.objects.filter(pk=survey.pk).update(closed_at=timezone.now())
    action_plan = ActionPlan.objects.create(survey=survey, unit=cast.unit)
    follow_up(plan, cast, source=FollowUp.Source.ACTION_PLAN, action_plan=action_plan)
    html = client_as("leader").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    assert "Aftale hjørneflag for vikarbestilling" in html
    assert f"/plan/opfoelgning/ny/?handleplan={action_plan.pk}" in html
    html = client_as("employee").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    assert "Aftale hjørneflag for vikarbestilling" not in html  # not the employee's forum


def test_the_committee_page_shows_its_activities_in_the_plan(
    client_as, plan, cast, django_assert_max_num_queries
):
    client = client_as("employee")
    client.get(cast.lmu.get_absolute_url())
    with django_assert_max_num_queries(10):
        html = client.get(cast.lmu.get_absolute_url()).content.decode()
    assert "Dialogmøde i LMU Bøgely" in html and f"/plan/fora/{plan.lmu.pk}/" in html
