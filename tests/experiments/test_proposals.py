"""Forenklingsforslag: routing by who owns the rule, answers with notifications, hours freed, the API."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from handlekraft.experiments.models import Proposal
from handlekraft.notifications.models import Notification
from tests.conftest import CAST


def propose(client, **changes):
    data = {
        "title": "Dobbeltregistrering",
        "problem": "Vi skriver det samme to steder.",
        "proposal": "Drop papirlisten.",
        "hours_per_month": "3",
        "rule_owner": "team",
        "owner_unit": "",
    }
    data.update(changes)
    client.post(reverse("experiments:proposal-create"), data)
    return Proposal.objects.order_by("-pk").first()


def test_a_team_rule_goes_to_the_proposers_leader(client_as, cast):
    proposal = propose(client_as("employee"))
    assert proposal.routed_to == cast.unit and proposal.routed_label == "D"
    assert Notification.objects.filter(recipient=cast.leader, kind="proposal_received").exists()
    assert "Dobbeltregistrering" in client_as("leader").get(reverse("home")).content.decode()


def test_a_municipal_rule_goes_to_the_owning_unit_or_central(client_as, cast):
    owned = propose(client_as("employee"), rule_owner="municipality", owner_unit="A")
    assert owned.routed_to == cast.area
    central = propose(client_as("employee"), rule_owner="municipality", owner_unit="")
    assert central.routed_to is None and central.routed_label == "central"
    assert Notification.objects.filter(recipient=cast.hr, kind="proposal_received").exists()


def test_national_law_goes_central_as_an_exemption_candidate(client_as, cast):
    proposal = propose(client_as("employee"), rule_owner="law", owner_unit="A")
    assert proposal.routed_to is None and proposal.exemption_candidate
    assert (
        "Kandidat til udfordringsret/forsøg"
        in client_as("employee").get(proposal.get_absolute_url()).content.decode()
    )


def test_only_the_routed_leader_answers_and_every_change_notifies_the_proposer(client_as, cast):
    proposal = propose(client_as("employee"))
    url = proposal.get_absolute_url()
    for who in ["employee", "other", "tr", "amr", "hr"]:
        assert client_as(who).post(url, {"status": "gennemfoert"}).status_code == 403, who
    client_as("leader").post(url, {"status": "behandles", "answer": "Vi kigger på det."})
    client_as("leader").post(url, {"status": "gennemfoert", "answer": "Papirlisten er væk."})
    proposal.refresh_from_db()
    assert proposal.status == "gennemfoert" and proposal.first_response_at is not None
    notes = Notification.objects.filter(recipient=cast.employee, kind="proposal_status")
    assert notes.count() == 2 and "Gennemført" in notes.first().title


def test_rejecting_needs_a_written_answer(client_as, cast):
    proposal = propose(client_as("employee"))
    html = (
        client_as("leader")
        .post(proposal.get_absolute_url(), {"status": "afvist", "answer": ""})
        .content.decode()
    )
    assert 'id="id_answer-error"' in html and "forslagsstilleren skal vide hvorfor" in html
    proposal.refresh_from_db()
    assert proposal.status == "modtaget"


def test_forwarding_reroutes_and_notifies_the_new_owner(client_as, cast):
    proposal = propose(client_as("employee"))
    client_as("leader").post(
        proposal.get_absolute_url(),
        {"status": "videresendt", "forward_to": "", "answer": "Det er en central regel."},
    )
    proposal.refresh_from_db()
    assert proposal.routed_to is None
    assert Notification.objects.filter(recipient=cast.hr, kind="proposal_received").exists()
    client_as("hr").post(proposal.get_absolute_url(), {"status": "behandles"})
    proposal.refresh_from_db()
    assert proposal.status == "behandles"


def test_hours_freed_are_summed_per_area_and_for_hu(client_as, cast):
    done = propose(client_as("employee"), hours_per_month="3.5")
    propose(client_as("other"), hours_per_month="10")  # not carried out: not counted
    client_as("leader").post(done.get_absolute_url(), {"status": "gennemfoert", "answer": "Ja"})
    html = client_as("tr").get(reverse("experiments:proposals")).content.decode()
    assert '<th scope="row">Område Syd</th><td>1</td><td>3,5</td>' in html
    assert "<td>1</td><td>3,5</td></tr></tfoot>" in html


def test_cpr_and_negative_hours_are_refused(client_as):
    html = client_as("employee").get(reverse("experiments:proposal-create")).content.decode()
    assert "Hvem ejer reglen?" in html
    response = client_as("employee").post(
        reverse("experiments:proposal-create"),
        {
            "title": "X",
            "problem": "cpr 010190-1009",
            "proposal": "Y",
            "hours_per_month": "-1",
            "rule_owner": "team",
        },
    )
    html = response.content.decode()
    assert "CPR-nummer" in html and 'id="id_hours_per_month-error"' in html
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize("who", CAST)
def test_the_list_and_detail_are_open_to_everyone_signed_in(client_as, cast, who):
    proposal = propose(client_as("employee"))
    for url in [reverse("experiments:proposals"), proposal.get_absolute_url()]:
        assert client_as(who).get(url).status_code == (302 if who == "anonymous" else 200)


@pytest.mark.parametrize("page", ["list", "detail", "create"])
def test_pages_cost_at_most_ten_queries(client_as, cast, page, django_assert_max_num_queries):
    for i in range(25):
        propose(client_as("employee"), title=f"Forslag {i}")
    proposal = Proposal.objects.first()
    url = {
        "list": reverse("experiments:proposals"),
        "detail": proposal.get_absolute_url(),
        "create": reverse("experiments:proposal-create"),
    }[page]
    client = client_as("leader")
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


class TestAPI:
    def post(self, client, **changes):
        body = {
            "title": "Færre skemaer",
            "problem": "P",
            "proposal": "F",
            "rule_owner": "municipality",
            "hours_per_month": 2.5,
            "routed_to": "A",
        }
        body.update(changes)
        return client.post("/api/v1/proposals", json.dumps(body), content_type="application/json")

    def test_create_routes_like_the_form(self, client_as, cast):
        response = self.post(client_as("employee"))
        assert response.status_code == 201
        body = response.json()
        assert body["routed_to"] == "A" and body["unit"] == "D" and body["status"] == "modtaget"
        assert self.post(client_as("employee"), rule_owner="team").json()["routed_to"] == "D"
        assert self.post(client_as("employee"), rule_owner="law").json()["routed_to"] == "central"
        listed = client_as("other").get("/api/v1/proposals").json()["results"]
        assert len(listed) == 3

    def test_validation_is_the_same_as_the_forms(self, client_as):
        assert self.post(client_as("employee"), problem="cpr 010190-1009").status_code == 422
        assert self.post(client_as("employee"), hours_per_month=-1).status_code == 422
        assert self.post(client_as("employee"), rule_owner="kongen").status_code == 422
        assert self.post(client_as("employee"), routed_to="NOPE").status_code == 404  # no such unit
        assert self.post(client_as("employee"), unit="O").status_code == 403
        assert Proposal.objects.count() == 0

    def test_anonymous_gets_401(self, client_as):
        assert self.post(client_as("anonymous")).status_code == 401


def test_the_main_menu_marks_only_the_section_you_are_in(client_as):
    html = client_as("employee").get(reverse("experiments:proposals")).content.decode()
    menu = html.split('aria-label="Hovedmenu"')[1].split("</nav>")[0]
    assert 'href="/proevehandlinger/forenkling/" class="nav-link" aria-current="page"' in menu
    assert 'href="/proevehandlinger/" class="nav-link" aria-current="page"' not in menu
