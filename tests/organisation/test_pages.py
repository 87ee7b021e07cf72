"""The organisation pages, for the whole cast, with a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from handlekraft.organisation.models import Membership, Role, Unit, User
from tests.conftest import CAST

PAGES = [
    ("home", lambda c: reverse("home")),
    ("organisation", lambda c: reverse("organisation")),
    ("unit", lambda c: c.unit.get_absolute_url()),
    ("committee", lambda c: c.lmu.get_absolute_url()),
    ("profile", lambda c: reverse("profile")),
    ("notifications", lambda c: reverse("notifications")),
]


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize(("page", "url"), PAGES)
def test_signed_in_people_see_the_pages_and_anonymous_is_sent_to_login(client_as, cast, who, page, url):
    response = client_as(who).get(url(cast))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 200
        assert b'lang="da"' in response.content
        assert "Tilgængelighedserklæring" in response.content.decode()


def test_the_front_page_shows_my_units_roles_and_committees(client_as):
    html = client_as("tr").get(reverse("home")).content.decode()
    assert "Plejecenter Bøgely" in html
    assert "Tillidsrepræsentant (TR)" in html
    assert "LMU Bøgely" in html
    assert "Næstformand" in html


def test_the_front_page_tells_hr_about_administration(client_as):
    assert "Administration" in client_as("hr").get(reverse("home")).content.decode()
    assert "/admin/" not in client_as("employee").get(reverse("home")).content.decode()


def test_the_unit_page_shows_leader_tr_amr_employees_and_committees(client_as, cast):
    html = client_as("other").get(cast.unit.get_absolute_url()).content.decode()
    for text in ["Lise Leder", "Tove Tillid", "Arne Miljø", "Anders Ansat", "LMU Bøgely", "Bøgely, afsnit 1"]:
        assert text in html
    assert "Område Syd" in html  # breadcrumbs


def test_deactivated_people_are_not_shown(client_as, cast):
    cast.employee.is_active = False
    cast.employee.save()
    assert "Anders Ansat" not in client_as("leader").get(cast.unit.get_absolute_url()).content.decode()


def test_an_unknown_unit_is_a_danish_404(client_as):
    response = client_as("employee").get("/organisation/enheder/FINDES-IKKE/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()


def test_the_organisation_search_finds_units_and_people(client_as, cast):
    html = client_as("employee").get(reverse("organisation"), {"q": "Tove"}).content.decode()
    assert "Plejecenter Bøgely" in html and "Område Syd" in html  # the match and its ancestors
    assert "Hjemmeplejen Vest" not in html
    html = (
        client_as("employee").get(reverse("organisation"), {"q": "ingen-enhed-hedder-sådan"}).content.decode()
    )
    assert "Ingen enheder passer" in html


def test_the_committee_page_lists_both_sides(client_as, cast):
    html = client_as("employee").get(cast.lmu.get_absolute_url()).content.decode()
    assert "Ledelsessiden" in html and "Lise Leder" in html and "Formand" in html
    assert "Medarbejdersiden" in html and "Tove Tillid" in html


def grow(cast, n: int) -> None:
    """Adds n teams, each with a leader, a TR and employees, under the cast's unit."""
    for i in range(n):
        team = Unit.objects.create(
            external_id=f"G{i}", name=f"Team {i}", kind=Unit.Kind.TEAM, parent=cast.unit
        )
        for j, role in enumerate([Role.LEADER, Role.TR, Role.EMPLOYEE, Role.EMPLOYEE]):
            user = User.objects.create_user(f"g{i}-{j}@test.dk", name=f"Person {i}-{j}")
            Membership.objects.create(user=user, unit=team, role=role)


@pytest.mark.parametrize(("page", "url"), PAGES)
def test_every_page_costs_at_most_ten_queries_whatever_the_size(
    client_as, cast, page, url, django_assert_max_num_queries
):
    client = client_as("tr")
    grow(cast, 30)
    with django_assert_max_num_queries(10):
        assert client.get(url(cast)).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("organisation"), {"q": "Team"}).status_code == 200
