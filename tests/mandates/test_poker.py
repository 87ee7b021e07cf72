"""Delegation poker: secret votes, reveal, re-vote, the agreed level recorded as a new version."""

from __future__ import annotations

import pytest
from django.urls import reverse

from handlekraft.mandates.models import DecisionArea, PokerSession
from tests.conftest import CAST


@pytest.fixture
def session(cast, client_as):
    menu = DecisionArea.objects.create(unit=cast.unit, title="Menu", level=4)
    rooms = DecisionArea.objects.create(unit=cast.unit, title="Indretning", level=6)
    client_as("leader").post(
        reverse("mandates:poker-start", args=["D"]), {"title": "Poker", "areas": [menu.pk, rooms.pk]}
    )
    return PokerSession.objects.get()


def panel(client, session) -> str:
    return client.get(session.get_absolute_url()).content.decode()


def control(client, session, action, **data):
    return client.post(reverse("mandates:poker-control", args=[session.pk]), {"action": action, **data})


def test_votes_are_secret_until_revealed(client_as, session):
    client_as("employee").post(reverse("mandates:poker-vote", args=[session.pk]), {"level": "7"})
    client_as("tr").post(reverse("mandates:poker-vote", args=[session.pk]), {"level": "5"})
    before = panel(client_as("amr"), session)
    assert "2 har lagt et kort" in before and "Anders Ansat" in before
    assert "Kortene er vendt" not in before and "<td>7</td>" not in before
    status = client_as("amr").get(session.get_absolute_url(), {"kendt": "x"}, HTTP_HX_REQUEST="true")
    assert status["HX-Retarget"] == "#poker-panel"  # the client's state was stale: the whole panel
    control(client_as("leader"), session, "reveal")
    after = panel(client_as("amr"), session)
    assert "Kortene er vendt" in after and "Spredning: fra 5 til 7" in after
    assert "<td>Anders Ansat</td><td>7</td>" in after


def test_vote_again_starts_a_new_secret_round(client_as, session):
    client_as("employee").post(reverse("mandates:poker-vote", args=[session.pk]), {"level": "7"})
    control(client_as("leader"), session, "reveal")
    control(client_as("leader"), session, "again")
    html = panel(client_as("employee"), session)
    assert "Runde 2" in html and "0 har lagt et kort" in html


def test_the_agreed_level_becomes_a_new_version_and_the_session_moves_on(client_as, cast, session):
    control(client_as("leader"), session, "record", level="6")
    indretning = DecisionArea.objects.get(title="Indretning")  # alphabetically first
    assert indretning.level == 6 and indretning.version == 2
    assert "delegeringspoker" in indretning.versions.first().note
    session.refresh_from_db()
    assert session.current_area.title == "Menu"
    control(client_as("leader"), session, "record", level="5")
    session.refresh_from_db()
    assert session.status == "afsluttet" and DecisionArea.objects.get(title="Menu").level == 5
    assert "fra niveau 4 til 5" in panel(client_as("employee"), session)


@pytest.mark.parametrize("who", CAST)
def test_who_takes_part_and_who_runs_it(client_as, session, who):
    view = client_as(who).get(session.get_absolute_url()).status_code
    run = control(client_as(who), session, "reveal").status_code
    if who == "anonymous":
        assert view == 302 and run == 302
    elif who in ("leader", "employee", "tr", "amr"):
        assert view == 200
        assert run == (302 if who == "leader" else 403)
    elif who == "hr":
        assert view == 200 and run == 302
    else:  # an employee of another unit
        assert view == 403 and run == 403


def test_a_vote_outside_one_to_seven_is_ignored(client_as, session):
    client_as("employee").post(reverse("mandates:poker-vote", args=[session.pk]), {"level": "9"})
    assert session.votes.count() == 0


def test_only_areas_the_leader_may_edit_can_be_chosen(client_as, cast):
    above = DecisionArea.objects.create(unit=cast.area, title="Ejet ovenfor", level=3)
    html = client_as("leader").get(reverse("mandates:poker-start", args=["D"])).content.decode()
    assert "Ejet ovenfor" not in html
    response = client_as("leader").post(
        reverse("mandates:poker-start", args=["D"]), {"title": "X", "areas": [above.pk]}
    )
    assert response.status_code == 200 and PokerSession.objects.count() == 0


def test_a_tie_is_reported_as_a_tie(client_as, session):
    for who, level in (("employee", "4"), ("tr", "5"), ("amr", "7")):
        client_as(who).post(reverse("mandates:poker-vote", args=[session.pk]), {"level": level})
    control(client_as("leader"), session, "reveal")
    html = panel(client_as("amr"), session)
    assert "4, 5 og 7 fik lige mange stemmer." in html and "Flest valgte" not in html
