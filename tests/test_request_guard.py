"""A 405 answered in words: a page for people, JSON for the API."""

from __future__ import annotations


def test_a_post_only_address_opened_as_a_page_says_so_in_danish(client_as):
    response = client_as("employee").get("/profil/historier-efter-fratraedelse/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = response.content.decode()
    assert "Siden kan ikke åbnes direkte" in page and "Til forsiden" in page


def test_a_wrong_method_on_the_api_is_json_with_the_allowed_methods(client_as):
    response = client_as("employee").delete("/api/v1/me/onboarding")
    assert response.status_code == 405 and response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Metoden er ikke tilladt her."} and "GET" in response["Allow"]


def test_the_site_has_a_favicon(client, db):
    from django.contrib.staticfiles import finders

    page = client.get("/login/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in page
    assert finders.find("img/favicon.svg")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"
