"""The HTTP API: session and personal-token authentication, /me and /units, JSON errors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from handlekraft.organisation.models import PersonalToken
from tests.conftest import CAST


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/units", "/api/v1/units/D"])
def test_the_whole_cast_on_every_endpoint(client_as, who, path):
    response = client_as(who).get(path)
    if who == "anonymous":
        assert response.status_code == 401
        assert "detail" in response.json()
    else:
        assert response.status_code == 200


def test_me_tells_my_unit_roles_and_committees(client_as):
    data = client_as("tr").get("/api/v1/me").json()
    assert data["email"] == "tr@test.dk"
    assert data["unit"] == "D"
    assert {(r["unit"]["external_id"], r["role"]) for r in data["roles"]} == {
        ("D", "medarbejder"),
        ("D", "tr"),
    }
    assert [c["name"] for c in data["committees"]] == ["LMU Bøgely"]


def test_units_are_paginated_and_searchable(client_as):
    data = client_as("employee").get("/api/v1/units", {"limit": 2}).json()
    assert data["count"] == 6 and len(data["items"]) == 2
    assert data["items"][0] == {"external_id": "K", "name": "Testkommune", "kind": "kommune", "parent": None}
    found = client_as("employee").get("/api/v1/units", {"q": "bøgely"}).json()
    assert {u["external_id"] for u in found["items"]} == {"D", "T"}
    children = client_as("employee").get("/api/v1/units", {"parent": "A"}).json()
    assert {u["external_id"] for u in children["items"]} == {"D", "O"}


def test_unit_detail_has_ancestors_people_and_committees(client_as):
    data = client_as("other").get("/api/v1/units/T").json()
    assert [a["external_id"] for a in data["ancestors"]] == ["K", "A", "D"]
    assert data["parent"] == "D"
    assert data["committees"][0]["name"] == "LMU Bøgely"  # covers D and so T
    d = client_as("other").get("/api/v1/units/D").json()
    assert {"name": "Tove Tillid", "role": "tr"} in d["people"]
    assert client_as("other").get("/api/v1/units/NOPE").status_code == 404


def test_a_personal_token_works_until_it_is_revoked(cast):
    token, raw = PersonalToken.issue(cast.employee, "Excel")
    assert raw.startswith("hk_") and token.token_hash != raw  # only the hash is stored
    client = Client()
    assert client.get("/api/v1/me", **bearer(raw)).json()["email"] == "ansat@test.dk"
    token.refresh_from_db()
    assert token.last_used is not None
    token.revoked = timezone.now()
    token.save()
    response = client.get("/api/v1/me", **bearer(raw))
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Log ind")


def test_a_wrong_token_or_a_deactivated_person_is_refused(cast):
    _token, raw = PersonalToken.issue(cast.employee, "x")
    assert Client().get("/api/v1/me", **bearer(raw + "x")).status_code == 401
    cast.employee.is_active = False
    cast.employee.save()
    assert Client().get("/api/v1/me", **bearer(raw)).status_code == 401


def test_openapi_is_public_json_and_the_docs_need_login(client_as):
    schema = Client().get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/units/{external_id}" in schema.json()["paths"]
    assert Client().get("/api/").status_code == 302
    docs = client_as("employee").get("/api/").content.decode()
    assert "/api/v1/units/{external_id}" in docs and 'data-in="path"' in docs


def test_profile_creates_and_revokes_a_token(client_as, cast):
    client = client_as("employee")
    html = client.post("/profil/", {"action": "token", "token-name": "Rapport"}).content.decode()
    token = PersonalToken.objects.get(user=cast.employee)
    raw = html.split('<code id="new-token">')[1].split("</code>")[0]
    assert PersonalToken.hash(raw) == token.token_hash
    assert Client().get("/api/v1/me", **bearer(raw)).status_code == 200
    # Someone else cannot revoke it.
    assert client_as("other").post(f"/profil/noegler/{token.pk}/tilbagekald/").status_code == 404
    client.post(f"/profil/noegler/{token.pk}/tilbagekald/")
    assert Client().get("/api/v1/me", **bearer(raw)).status_code == 401


def test_an_empty_token_name_gets_a_danish_message_next_to_the_field(client_as):
    html = client_as("employee").post("/profil/", {"action": "token", "token-name": ""}).content.decode()
    assert 'id="id_token-name-error"' in html
    assert 'aria-invalid="true"' in html
    assert "Dette felt er påkrævet" in html
