"""The stories API exactly as DESIGN §5 describes it."""

from __future__ import annotations

import json

import pytest

from handlekraft.organisation.models import PersonalToken
from handlekraft.stories.models import Recognition, Story
from tests.conftest import CAST

from .conftest import make_story

KEYS = {"id", "kind", "title", "body", "learning", "unit", "status", "recognitions", "url"}


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_create_answers_201_with_the_contract_shape(client_as):
    response = post(
        client_as("employee"),
        "/api/v1/stories",
        {"kind": "learning", "title": "Nøglen", "body": "Nøglen manglede.", "learning": "Reservenøgler."},
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == KEYS
    assert body["kind"] == "learning" and body["unit"] == "D" and body["status"] == "offentliggjort"
    assert body["recognitions"] == 0 and body["url"] == f"/historier/{body['id']}/"


def test_a_body_with_a_cpr_number_answers_422_and_stores_nothing(client_as):
    response = post(
        client_as("employee"),
        "/api/v1/stories",
        {"title": "Hjælp", "body": "Borgeren 010190-\n1009 ringede."},
    )
    assert response.status_code == 422 and "CPR-nummer" in json.dumps(response.json(), ensure_ascii=False)
    assert not Story.objects.exists()


def test_a_learning_story_without_learning_and_a_citizen_story_without_confirmation_answer_422(client_as):
    client = client_as("employee")
    learning = post(client, "/api/v1/stories", {"kind": "learning", "title": "T", "body": "B"})
    citizen = post(client, "/api/v1/stories", {"kind": "citizen", "title": "T", "body": "B"})
    assert learning.status_code == 422 and "learning" in learning.json()["detail"]
    assert citizen.status_code == 422 and "citizen_consent" in citizen.json()["detail"]
    # The same words as next to the field in the form.
    assert "Skriv, hvad I lærte" in learning.json()["detail"]
    assert "Bekræft, at borgeren ikke kan genkendes" in citizen.json()["detail"]
    assert not Story.objects.exists()


def test_a_second_recognition_by_the_same_person_changes_nothing(client_as, cast):
    story = make_story(cast)
    client = client_as("other")
    first = post(client, f"/api/v1/stories/{story.pk}/recognitions", {"note": "Flot!"})
    second = post(client, f"/api/v1/stories/{story.pk}/recognitions", {"note": "Noget andet"})
    assert first.status_code == 201 and first.json()["recognitions"] == 1
    assert second.status_code == 200 and second.json()["recognitions"] == 1
    assert Recognition.objects.get().note == "Flot!"
    own = post(client_as("employee"), f"/api/v1/stories/{story.pk}/recognitions", {})
    assert own.status_code == 403


def test_list_search_and_read_with_a_personal_token(client, cast):
    make_story(cast, title="Vikaren kom", body="Vi valgte selv en vikar.")
    make_story(cast, title="Noget andet", body="Om materialer.")
    make_story(cast, title="Kladde om vikar", body="vikar", status=Story.Status.DRAFT)
    _token, raw = PersonalToken.issue(cast.other, "intranet")
    headers = {"Authorization": f"Bearer {raw}"}
    listed = client.get("/api/v1/stories?q=vikarer", headers=headers).json()["results"]
    assert [s["title"] for s in listed] == ["Vikaren kom"]
    assert len(client.get("/api/v1/stories", headers=headers).json()["results"]) == 2
    one = client.get(f"/api/v1/stories/{listed[0]['id']}", headers=headers)
    assert one.status_code == 200 and set(one.json()) == KEYS
    draft = Story.objects.get(title="Kladde om vikar")
    assert client.get(f"/api/v1/stories/{draft.pk}", headers=headers).status_code == 404


@pytest.mark.parametrize("who", CAST)
def test_the_cast(client_as, cast, who):
    story = make_story(cast, visibility="omraade")
    client = client_as(who)
    created = post(client, "/api/v1/stories", {"title": "T", "body": "B"}).status_code
    read = client.get(f"/api/v1/stories/{story.pk}").status_code
    recognised = post(client, f"/api/v1/stories/{story.pk}/recognitions", {}).status_code
    assert created == {"anonymous": 401}.get(who, 201)
    assert read == {"anonymous": 401}.get(who, 200)
    assert recognised == {"anonymous": 401, "employee": 403}.get(who, 201)
