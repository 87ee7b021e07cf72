"""The Råderum API, exactly as DESIGN §5 says."""

from __future__ import annotations

import pytest

from handlekraft.mandates.models import DecisionArea
from tests.conftest import CAST


@pytest.fixture
def areas(cast):
    DecisionArea.objects.create(
        unit=cast.area,
        title="Valg af vikar ved akut fravær",
        level=7,
        keywords="vikar, afløser",
        limits="Højst tre vagter",
        inform="Vagtplanlæggeren",
    )
    DecisionArea.objects.create(unit=cast.unit, title="Menu", level=3)
    DecisionArea.objects.create(
        unit=cast.other_unit, title="Vikarer i hjemmeplejen", level=2, keywords="vikar"
    )


@pytest.mark.parametrize("who", CAST)
def test_the_whole_cast(client_as, areas, who):
    for path in ["/api/v1/mandates/search?q=vikar&unit=D", "/api/v1/mandates?unit=D"]:
        assert client_as(who).get(path).status_code == (401 if who == "anonymous" else 200)


def test_search_answers_in_the_contract_shape_only_from_the_unit(client_as, areas):
    data = client_as("employee").get("/api/v1/mandates/search", {"q": "afløser", "unit": "T"}).json()
    (hit,) = data["results"]
    assert set(hit) == {"id", "title", "unit", "level", "answer", "limits", "inform", "url", "score"}
    assert hit["unit"] == "A" and hit["level"] == 7 and hit["answer"] == "Ja, I beslutter selv."
    assert hit["limits"] == "Højst tre vagter" and hit["inform"] == "Vagtplanlæggeren"
    assert hit["url"].startswith("/raaderum/omraader/")


def test_search_without_unit_uses_the_callers_own(client_as, areas):
    titles = [
        r["title"]
        for r in client_as("other").get("/api/v1/mandates/search", {"q": "vikar"}).json()["results"]
    ]
    assert titles[0] == "Vikarer i hjemmeplejen"


def test_errors_are_json_with_detail(client_as, areas):
    response = client_as("employee").get("/api/v1/mandates/search", {"q": "vikar", "unit": "NOPE"})
    assert response.status_code == 404 and "NOPE" in response.json()["detail"]
    assert client_as("employee").get("/api/v1/mandates/search", {"q": " "}).status_code == 422
    assert client_as("employee").get("/api/v1/mandates/999999").status_code == 404


def test_list_and_detail(client_as, areas):
    listed = client_as("employee").get("/api/v1/mandates", {"unit": "T"}).json()["results"]
    assert {m["title"] for m in listed} == {"Valg af vikar ved akut fravær", "Menu"}
    vikar = next(m for m in listed if m["title"].startswith("Valg af vikar"))
    detail = client_as("employee").get(f"/api/v1/mandates/{vikar['id']}").json()
    assert detail["keywords"] and detail["status"] == "gaeldende"


def test_search_says_whether_the_answer_is_clear(client_as, areas):
    clear = client_as("employee").get("/api/v1/mandates/search", {"q": "vikar afløser", "unit": "T"}).json()
    assert clear["clear"] is True
    unclear = client_as("employee").get("/api/v1/mandates/search", {"q": "Må jeg tage min hund med?"}).json()
    assert unclear["clear"] is False


def test_the_page_and_the_api_agree_on_every_test_question(demo_org, client):
    from tests.mandates.quality import load

    client.force_login(demo_org.people["medarbejder@eksempel.dk"])
    for question in load("test"):
        api = client.get("/api/v1/mandates/search", {"q": question.text, "unit": question.unit}).json()
        page = client.get("/raaderum/maa-jeg-selv/", {"q": question.text, "enhed": question.unit})
        not_clear_on_page = "Vi fandt ikke et klart svar" in page.content.decode()
        assert api["clear"] is not not_clear_on_page, question
        if api["clear"]:
            assert api["results"][0]["title"] in page.content.decode(), question
