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
