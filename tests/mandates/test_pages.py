"""Råderum pages: who may see and edit, the conflict on concurrent edits, versions and queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from handlekraft.mandates.models import DecisionArea
from tests.conftest import CAST

EDITORS = {"leader", "hr"}


@pytest.fixture
def areas(cast):
    inherited = DecisionArea.objects.create(
        unit=cast.area,
        title="Valg af vikar ved akut fravær",
        level=7,
        limits="Højst tre vagter",
        inform="Vagtplanlæggeren",
        inform_when="efter",
        keywords="vikar, afløser",
    )
    local = DecisionArea.objects.create(
        unit=cast.unit, title="Menu og måltider", level=6, limit_amount=1250.5, limit_period="maaned"
    )
    for area in (inherited, local):
        area.versions.create(number=1, data=area.snapshot())
    return inherited, local


def form_data(area, **changes) -> dict:
    data = {
        "title": area.title,
        "description": area.description,
        "level": area.level,
        "desired_level": "",
        "limits": area.limits,
        "limit_amount": "",
        "limit_period": "",
        "inform": area.inform,
        "inform_when": area.inform_when,
        "examples": area.examples,
        "keywords": area.keywords,
        "applies_to_subunits": "on",
        "status": area.status,
        "review_date": "",
        "version": area.version,
        "note": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("who", CAST)
def test_everyone_signed_in_reads_the_mandate_and_only_leaders_and_hr_edit(client_as, cast, areas, who):
    client = client_as(who)
    _inherited, local = areas
    pages = [
        reverse("mandates:unit", args=["D"]),
        local.get_absolute_url(),
        reverse("mandates:version", args=[local.pk, 1]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == (302 if who == "anonymous" else 200), url
    edit = client.get(reverse("mandates:edit", args=[local.pk]))
    create = client.get(reverse("mandates:create", args=["D"]))
    archive = client.post(reverse("mandates:archive", args=[local.pk]))
    if who == "anonymous":
        assert {edit.status_code, create.status_code, archive.status_code} == {302}
    elif who in EDITORS:
        assert edit.status_code == 200 and create.status_code == 200 and archive.status_code == 302
    else:
        assert {edit.status_code, create.status_code, archive.status_code} == {403}


def test_a_leader_cannot_edit_an_area_owned_above_them(client_as, areas):
    inherited, _local = areas
    assert client_as("leader").get(reverse("mandates:edit", args=[inherited.pk])).status_code == 403
    assert client_as("hr").get(reverse("mandates:edit", args=[inherited.pk])).status_code == 200


def test_the_unit_page_tells_inherited_and_local_apart_with_answer_and_limits(client_as, areas):
    html = client_as("employee").get(reverse("mandates:unit", args=["T"])).content.decode()
    assert "Gælder fra Område Syd" in html and "Gælder fra Plejecenter Bøgely" in html
    assert "Ja, I beslutter selv." in html and "Højst tre vagter" in html
    assert "højst 1.250,50 kr. pr. måned" in html
    assert 'aria-label="Delegeringsniveau 7 af 7: Uddelegere – I beslutter selv"' in html


def test_a_leader_creates_an_area_and_a_version_is_recorded(client_as, cast):
    response = client_as("leader").post(
        reverse("mandates:create", args=["D"]),
        form_data(
            DecisionArea(title="Indkøb af spil", level=7, status="gaeldende"),
            limit_amount="1.500,00",
            limit_period="maaned",
            note="Aftalt på teammødet",
        ),
    )
    area = DecisionArea.objects.get(title="Indkøb af spil")
    assert response["Location"] == area.get_absolute_url()
    assert area.unit == cast.unit and str(area.limit_amount) == "1500.00"
    version = area.versions.get()
    assert version.number == 1 and version.changed_by == cast.leader and version.note == "Aftalt på teammødet"


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(client_as):
    html = (
        client_as("leader")
        .post(
            reverse("mandates:create", args=["D"]),
            form_data(
                DecisionArea(title="", level=7, status="gaeldende"),
                limit_period="maaned",
                description="cpr 010190-1009",
            ),
        )
        .content.decode()
    )
    assert 'id="id_title-error"' in html and 'id="id_limit_amount-error"' in html
    assert "Skriv et beløb, når du vælger en periode." in html
    assert "CPR-nummer" in html
    assert DecisionArea.objects.count() == 0


def test_concurrent_edits_show_a_conflict_and_lose_nothing(client_as, areas):
    _inherited, local = areas
    leader, hr = client_as("leader"), client_as("hr")
    # Both open the form at version 1; HR saves first.
    hr.post(reverse("mandates:edit", args=[local.pk]), form_data(local, limits="Kostpolitikken"))
    response = leader.post(
        reverse("mandates:edit", args=[local.pk]), form_data(local, limits="Inden for kostbudgettet")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nogen har gemt en ændring, mens du redigerede" in html
    assert "Inden for kostbudgettet" in html  # the leader's own text is still in the form
    assert "Kostpolitikken" in html  # and HR's saved version is shown
    local.refresh_from_db()
    assert local.limits == "Kostpolitikken" and local.version == 2
    # Saving again (now from version 2) is a knowing overwrite.
    resubmit = form_data(local, limits="Kostpolitikken\nInden for kostbudgettet")
    assert leader.post(reverse("mandates:edit", args=[local.pk]), resubmit).status_code == 302
    local.refresh_from_db()
    assert local.version == 3 and local.versions.count() == 3


def test_the_version_page_shows_a_readable_diff(client_as, areas):
    _inherited, local = areas
    client_as("leader").post(
        reverse("mandates:edit", args=[local.pk]), form_data(local, level=7, limits="Kostpolitikken")
    )
    html = client_as("employee").get(reverse("mandates:version", args=[local.pk, 2])).content.decode()
    assert "<del>6</del>" in html and "<ins>7</ins>" in html
    assert "<ins>Kostpolitikken</ins>" in html


def test_archiving_takes_the_area_out_of_force(client_as, cast, areas):
    _inherited, local = areas
    client_as("leader").post(reverse("mandates:archive", args=[local.pk]))
    assert local not in DecisionArea.objects.for_unit(cast.unit)
    assert "Arkiveret" in DecisionArea.objects.get(pk=local.pk).versions.first().note


def test_the_search_page_answers_with_level_limits_and_inform(client_as, areas):
    html = (
        client_as("employee")
        .get(reverse("mandates:search"), {"q": "Må jeg selv ringe efter en afløser?"})
        .content.decode()
    )
    assert "Ja, I beslutter selv." in html and "Valg af vikar ved akut fravær" in html
    assert "Højst tre vagter" in html and "Vagtplanlæggeren" in html
    html = client_as("employee").get(reverse("mandates:search"), {"q": "julefrokost"}).content.decode()
    assert "Vi fandt ikke et klart svar" in html


def test_the_front_page_has_the_search(client_as, areas):
    html = client_as("employee").get(reverse("home")).content.decode()
    assert 'action="/raaderum/maa-jeg-selv/"' in html


def test_someone_without_a_unit_gets_a_clear_404(client_as, cast):
    cast.other.membership_set.all().delete()
    assert client_as("other").get(reverse("mandates:mine")).status_code == 404


@pytest.mark.parametrize("url", ["unit", "area", "search", "edit"])
def test_pages_cost_at_most_ten_queries(client_as, cast, areas, url, django_assert_max_num_queries):
    for i in range(40):
        DecisionArea.objects.create(
            unit=cast.area if i % 2 else cast.unit, title=f"Område {i}", level=1 + i % 7
        )
    _inherited, local = areas
    target = {
        "unit": reverse("mandates:unit", args=["T"]),
        "area": local.get_absolute_url(),
        "search": reverse("mandates:search") + "?q=vikar",
        "edit": reverse("mandates:edit", args=[local.pk]),
    }[url]
    client = client_as("leader")
    with django_assert_max_num_queries(10):
        assert client.get(target).status_code == 200


def test_the_inform_duty_keeps_the_capital_i(client_as, cast):
    from handlekraft.mandates.models import DecisionArea

    DecisionArea.objects.create(
        unit=cast.unit,
        title="Valg af vikar",
        level=7,
        keywords="vikar, afløser",
        inform="Vagtplanlæggeren",
        inform_when="foer",
    )
    html = client_as("employee").get(reverse("mandates:search"), {"q": "vikar afløser"}).content.decode()
    assert "Orientér (før I handler)" in html and "før i handler" not in html
