"""Prøvehandlinger: the lifecycle with and without approval, evaluation, reminders, board, permissions."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from handlekraft.experiments.models import Experiment
from handlekraft.mandates.models import DecisionArea
from handlekraft.notifications.models import Notification
from tests.conftest import CAST


@pytest.fixture
def areas(cast):
    own = DecisionArea.objects.create(unit=cast.unit, title="Menu", level=6)
    leader_decides = DecisionArea.objects.create(unit=cast.area, title="Vikar ved barsel", level=3)
    elsewhere = DecisionArea.objects.create(unit=cast.other_unit, title="Ruter", level=7)
    return own, leader_decides, elsewhere


def data(area=None, **changes) -> dict:
    today = date.today()
    values = {
        "title": "Fredagskage",
        "hypothesis": "beboerne spiser mere",
        "action": "at bage med beboerne",
        "measure": "hvor meget der spises",
        "success": "de spiser mere",
        "start": today.isoformat(),
        "end": (today + timedelta(weeks=4)).isoformat(),
        "decision_area": area.pk if area else "",
        "theme": "praksis",
    }
    values.update(changes)
    return values


def create(client, area=None, **changes):
    client.post(reverse("experiments:create"), data(area, **changes))
    return Experiment.objects.order_by("-pk").first()


def test_within_the_mandate_the_team_starts_at_once(client_as, cast, areas):
    own, _, _ = areas
    experiment = create(client_as("employee"), own)
    assert experiment.status == "ide" and list(experiment.owners.all()) == [cast.employee]
    assert not experiment.needs_approval
    client_as("employee").post(reverse("experiments:start", args=[experiment.pk]))
    experiment.refresh_from_db()
    assert experiment.status == "igang"
    assert not Notification.objects.filter(kind="experiment_approval").exists()


def test_outside_the_mandate_the_leader_approves(client_as, cast, areas):
    _, leader_decides, _ = areas
    experiment = create(client_as("employee"), leader_decides)
    assert experiment.needs_approval
    client_as("employee").post(reverse("experiments:start", args=[experiment.pk]))
    experiment.refresh_from_db()
    assert experiment.status == "afventer"
    assert Notification.objects.filter(recipient=cast.leader, kind="experiment_approval").exists()
    assert (
        client_as("employee")
        .post(reverse("experiments:decide", args=[experiment.pk]), {"decision": "approve"})
        .status_code
        == 403
    )
    client_as("leader").post(reverse("experiments:decide", args=[experiment.pk]), {"decision": "approve"})
    experiment.refresh_from_db()
    assert experiment.status == "igang" and experiment.decided_by == cast.leader
    assert Notification.objects.filter(recipient=cast.employee, kind="experiment_decision").exists()


def test_declining_needs_a_reason_and_tells_the_owners(client_as, cast, areas):
    _, leader_decides, _ = areas
    experiment = create(client_as("employee"), leader_decides)
    client_as("employee").post(reverse("experiments:start", args=[experiment.pk]))
    response = client_as("leader").post(
        reverse("experiments:decide", args=[experiment.pk]), {"decision": "decline", "reason": ""}
    )
    assert response.status_code == 400 and 'id="id_reason-error"' in response.content.decode()
    client_as("leader").post(
        reverse("experiments:decide", args=[experiment.pk]),
        {"decision": "decline", "reason": "Vent til efter sommerferien."},
    )
    experiment.refresh_from_db()
    assert experiment.status == "ide" and experiment.decision_note == "Vent til efter sommerferien."
    note = Notification.objects.get(recipient=cast.employee, kind="experiment_decision")
    assert "ikke godkendt" in note.title and "sommerferien" in note.body


def test_the_end_date_sends_it_to_evaluation_and_a_stopped_experiment_is_a_result(client_as, cast, areas):
    own, _, _ = areas
    experiment = create(client_as("employee"), own)
    Experiment.objects.filter(pk=experiment.pk).update(status="igang", end=date.today() - timedelta(days=1))
    call_command("remind_experiments", stdout=StringIO())
    call_command("remind_experiments", stdout=StringIO())  # reminds once
    experiment.refresh_from_db()
    assert experiment.status == "evaluering"
    assert Notification.objects.filter(recipient=cast.employee, kind="experiment_evaluation").count() == 1
    learning = {"believed": "a", "observed": "b", "learned": "c", "therefore": "d", "next_step": "stoppe"}
    client_as("employee").post(reverse("experiments:evaluate", args=[experiment.pk]), learning)
    experiment.refresh_from_db()
    assert experiment.status == "afsluttet" and experiment.next_step == "stoppe"
    html = client_as("other").get(experiment.get_absolute_url()).content.decode()
    assert "At stoppe er et resultat, ikke en fiasko" in html


def test_an_area_not_in_force_for_the_unit_cannot_be_linked(client_as, areas):
    _, _, elsewhere = areas
    response = client_as("employee").post(reverse("experiments:create"), data(elsewhere))
    assert response.status_code == 200 and 'id="id_decision_area-error"' in response.content.decode()
    assert Experiment.objects.count() == 0


def test_bad_dates_and_cpr_get_danish_messages(client_as, areas):
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    html = (
        client_as("employee")
        .post(reverse("experiments:create"), data(end=yesterday, hypothesis="borger 010190-1009"))
        .content.decode()
    )
    assert "Slutdatoen skal ligge efter startdatoen." in html and "CPR-nummer" in html
    assert Experiment.objects.count() == 0


@pytest.mark.parametrize("who", CAST)
def test_only_owners_and_leaders_edit(client_as, cast, areas, who):
    own, _, _ = areas
    experiment = create(client_as("employee"), own)
    view = client_as(who).get(experiment.get_absolute_url()).status_code
    edit = client_as(who).get(reverse("experiments:edit", args=[experiment.pk])).status_code
    start = client_as(who).post(reverse("experiments:start", args=[experiment.pk])).status_code
    if who == "anonymous":
        assert (view, edit, start) == (302, 302, 302)
    elif who in ("employee", "leader", "hr"):
        assert (view, edit, start) == (200, 200, 302)
    else:
        assert (view, edit, start) == (200, 403, 403)


def test_the_board_filters_by_unit_theme_and_area(client_as, cast, areas):
    own, _, elsewhere = areas
    create(client_as("employee"), own, title="Kage i Bøgely")
    create(client_as("other"), elsewhere, title="Ruter i Vest", theme="ledelse")
    board = reverse("experiments:board")
    everything = client_as("employee").get(board).content.decode()
    assert "Kage i Bøgely" in everything and "Ruter i Vest" in everything
    mine = client_as("employee").get(board, {"enhed": "D"}).content.decode()
    assert "Kage i Bøgely" in mine and "Ruter i Vest" not in mine
    theme = client_as("employee").get(board, {"tema": "ledelse"}).content.decode()
    assert "Ruter i Vest" in theme and "Kage i Bøgely" not in theme
    by_area = client_as("employee").get(board, {"omraade": own.pk}).content.decode()
    assert "Kage i Bøgely" in by_area and "Ruter i Vest" not in by_area


def test_the_area_page_lists_experiments_that_rely_on_it(client_as, areas):
    own, _, _ = areas
    create(client_as("employee"), own)
    assert "Fredagskage" in client_as("other").get(own.get_absolute_url()).content.decode()


@pytest.mark.parametrize("page", ["board", "detail", "edit", "create"])
def test_pages_cost_at_most_ten_queries(client_as, cast, areas, page, django_assert_max_num_queries):
    own, _, _ = areas
    for i in range(30):
        create(client_as("employee"), own, title=f"Forsøg {i}")
    experiment = Experiment.objects.first()
    url = {
        "board": reverse("experiments:board"),
        "detail": experiment.get_absolute_url(),
        "edit": reverse("experiments:edit", args=[experiment.pk]),
        "create": reverse("experiments:create"),
    }[page]
    client = client_as("leader")
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


class TestAPI:
    def post(self, client, body):
        return client.post("/api/v1/experiments", json.dumps(body), content_type="application/json")

    def body(self, area=None, **changes):
        values = {**data(area), "unit": "D", "decision_area": area.pk if area else None}
        values.pop("theme")
        values.update(changes)
        return values

    def test_create_answers_201_with_needs_approval(self, client_as, areas):
        own, leader_decides, _ = areas
        response = self.post(client_as("employee"), self.body(leader_decides))
        assert response.status_code == 201
        body = response.json()
        assert body["needs_approval"] is True and body["status"] == "ide" and body["unit"] == "D"
        assert self.post(client_as("employee"), self.body(own)).json()["needs_approval"] is False

    def test_an_area_not_in_force_answers_422(self, client_as, areas):
        _, _, elsewhere = areas
        response = self.post(client_as("employee"), self.body(elsewhere))
        assert response.status_code == 422 and "gælder ikke" in response.json()["detail"]

    def test_cpr_is_refused_and_nothing_is_stored(self, client_as, areas):
        response = self.post(client_as("employee"), self.body(hypothesis="cpr 010190-1009"))
        assert response.status_code == 422 and "CPR-nummer" in json.dumps(response.json(), ensure_ascii=False)
        assert Experiment.objects.count() == 0

    @pytest.mark.parametrize("who", CAST)
    def test_the_cast(self, client_as, areas, who):
        created = self.post(client_as(who), self.body()).status_code
        listed = client_as(who).get("/api/v1/experiments").status_code
        expected = {"anonymous": 401, "other": 403, "hr": 403}.get(who, 201)
        assert created == expected
        assert listed == (401 if who == "anonymous" else 200)


def test_two_people_editing_the_same_experiment_never_overwrite_each_other(client_as, cast, areas):
    own, _, _ = areas
    experiment = create(client_as("employee"), own, title="Kage om fredagen")
    opened_at = experiment.version
    first = client_as("leader").post(
        reverse("experiments:edit", args=[experiment.pk]),
        data(own, title="Kage om torsdagen", version=opened_at, owners=[cast.employee.pk]),
    )
    assert first.status_code == 302
    # The employee opened the form before the leader saved: their save shows the conflict, keeps both.
    second = client_as("employee").post(
        reverse("experiments:edit", args=[experiment.pk]),
        data(own, title="Kage hver dag", version=opened_at, owners=[cast.employee.pk]),
    )
    page = second.content.decode()
    assert second.status_code == 200 and "blevet ændret, mens du skrev" in page
    assert "Kage om torsdagen" in page and 'value="Kage hver dag"' in page  # theirs shown, yours kept
    experiment.refresh_from_db()
    assert experiment.title == "Kage om torsdagen" and experiment.version == opened_at + 1
    again = client_as("employee").post(
        reverse("experiments:edit", args=[experiment.pk]),
        data(own, title="Kage hver dag", version=experiment.version, owners=[cast.employee.pk]),
    )
    assert again.status_code == 302
    experiment.refresh_from_db()
    assert experiment.title == "Kage hver dag"


def test_an_edit_from_an_older_copy_keeps_what_happened_meanwhile_outside_the_form(client_as, cast, areas):
    """Starting an experiment changes its status, not its text: an edit opened before the start keeps
    the start (the form's fields are written onto the row as it is now)."""
    own, _, _ = areas
    experiment = create(client_as("employee"), own, title="Kage om fredagen")
    opened_at = experiment.version
    client_as("employee").post(reverse("experiments:start", args=[experiment.pk]))
    edited = client_as("employee").post(
        reverse("experiments:edit", args=[experiment.pk]),
        data(own, title="Kage om torsdagen", version=opened_at, owners=[cast.employee.pk]),
    )
    assert edited.status_code == 302
    experiment.refresh_from_db()
    assert (experiment.title, experiment.status) == ("Kage om torsdagen", "igang")


def test_two_owners_writing_the_learning_card_at_once_never_overwrite_each_other(client_as, cast, areas):
    own, _, _ = areas
    experiment = create(client_as("employee"), own)
    Experiment.objects.filter(pk=experiment.pk).update(status="evaluering")
    experiment.owners.add(cast.leader)
    opened_at = Experiment.objects.get(pk=experiment.pk).version
    card = {"believed": "a", "observed": "b", "learned": "c", "therefore": "d", "next_step": "stoppe"}
    url = reverse("experiments:evaluate", args=[experiment.pk])
    assert client_as("leader").post(url, {**card, "version": opened_at}).status_code == 302
    second = client_as("employee").post(url, {**card, "learned": "noget andet", "version": opened_at})
    assert second.status_code == 409
    page = second.content.decode()
    assert "ændret af en anden, mens du skrev" in page and "noget andet" in page
    experiment.refresh_from_db()
    assert experiment.learned == "c" and experiment.status == "afsluttet"
