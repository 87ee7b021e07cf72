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


def _areas_with_units(root: Unit, areas: int, per_area: int) -> None:
    """Areas under the municipality, each with departments that have a leader."""
    for a in range(areas):
        area = Unit.objects.create(external_id=f"AR{a}", name=f"Område {a}", kind=Unit.Kind.AREA, parent=root)
        for d in range(per_area):
            unit = Unit.objects.create(
                external_id=f"AR{a}-{d}", name=f"Afdeling {a}-{d}", kind=Unit.Kind.DEPARTMENT, parent=area
            )
            user = User.objects.create_user(f"l{a}-{d}@test.dk", name=f"Leder {a}-{d}")
            Membership.objects.create(user=user, unit=unit, role=Role.LEADER)


def test_the_tree_shows_the_areas_and_opens_each_areas_units_on_request(client_as, cast):
    client = client_as("employee")
    html = client.get(reverse("organisation")).content.decode()
    assert "Område Syd" in html and "Plejecenter Bøgely" not in html  # the areas, not their units
    assert "2 enheder under Område Syd" in html and 'hx-trigger="toggle once"' in html
    assert 'href="/organisation/enheder/A/"' in html  # without JavaScript, the area's own page
    opened = client.get(reverse("organisation"), {"under": "A"}, headers={"HX-Request": "true"})
    part = opened.content.decode()
    assert "<html" not in part and "Plejecenter Bøgely" in part and "Hjemmeplejen Vest" in part
    assert "Lise Leder" in part and "1 enhed under Plejecenter Bøgely" in part  # its leader, its team
    missing = client.get(reverse("organisation"), {"under": "NIX"}, headers={"HX-Request": "true"})
    assert missing.status_code == 404
    anonymous = client_as("anonymous").get(
        reverse("organisation"), {"under": "A"}, headers={"HX-Request": "true"}
    )
    assert anonymous.status_code == 302


def test_the_tree_stays_small_and_costs_the_same_queries_as_the_organisation_grows(client_as, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("employee")

    def measured(under: str = "") -> tuple[str, int]:
        params, headers = ({"under": under}, {"HX-Request": "true"}) if under else ({}, {})
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("organisation"), params, headers=headers)
        return response.content.decode(), len(captured)

    measured()  # the first request fills the settings' cache
    (_, page_queries), (_, part_queries) = measured(), measured("A")
    _areas_with_units(cast.kommune, 12, 25)  # 12 more areas of 25 departments, each with its leader
    page, more_page_queries = measured()
    part, more_part_queries = measured("AR0")
    assert more_page_queries == page_queries <= 10 and more_part_queries == part_queries <= 10
    assert "Område 11" in page and "Afdeling 0-0" not in page and len(page.encode()) <= 40_000
    assert part.count("Leder 0-") == 25
