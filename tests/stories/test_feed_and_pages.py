"""The feed (filters, Danish search, pagination), examples by profession, and stories on other pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from handlekraft.experiments.models import Experiment
from handlekraft.stories.models import Recognition, Story

from .conftest import make_story


def titles(response) -> list[str]:
    return [s.title for s in response.context["page"].object_list]


def test_the_feed_filters_by_kind_unit_theme_profession_period_and_own_unit(client_as, cast, professions):
    old = make_story(cast, title="Gammel historie", kind="learning", learning="Vi lærte.")
    Story.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=100))
    team = make_story(cast, title="Fra teamet", unit=cast.team, themes="ledelse")
    team.professions.add(professions["sosu"])
    make_story(cast, title="Fra Hjemmeplejen", unit=cast.other_unit, author=cast.other, themes="praksis")
    client = client_as("employee")
    assert titles(client.get("/historier/?slags=learning")) == ["Gammel historie"]
    assert set(titles(client.get("/historier/?enhed=D"))) == {"Gammel historie", "Fra teamet"}
    assert titles(client.get("/historier/?tema=ledelse")) == ["Fra teamet"]
    assert titles(client.get("/historier/?fag=sosu")) == ["Fra teamet"]
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert set(titles(client.get(f"/historier/?fra={since}"))) == {"Fra teamet", "Fra Hjemmeplejen"}
    assert set(titles(client_as("other").get("/historier/?min_enhed=on"))) == {"Fra Hjemmeplejen"}


def test_a_bad_period_gets_a_danish_message_next_to_the_field(client_as, cast):
    response = client_as("employee").get("/historier/?fra=2026-05-01&til=2026-04-01")
    page = response.content.decode()
    assert 'id="id_til-error"' in page and "Til-datoen skal ligge efter fra-datoen." in page


def test_danish_search_finds_inflections_compounds_and_synonyms_best_first(client_as, cast):
    make_story(cast, title="Vikaren kom til tiden", body="Vi valgte selv en vikar fra listen.")
    make_story(cast, title="Bedsteforældre på legepladsen", body="Tre bedsteforældre hjælper om fredagen.")
    make_story(cast, title="Indkøb af materialer", body="Vi købte træ og værktøj til værkstedet.")
    client = client_as("employee")
    assert titles(client.get("/historier/?q=vikarer")) == ["Vikaren kom til tiden"]
    assert titles(client.get("/historier/?q=afløser")) == ["Vikaren kom til tiden"]  # the concept lexicon
    assert titles(client.get("/historier/?q=legeplads")) == ["Bedsteforældre på legepladsen"]
    assert titles(client.get("/historier/?q=værktøj+træ")) == ["Indkøb af materialer"]
    assert titles(client.get("/historier/?q=ubåd")) == []
    assert "Ingen historier passer på din søgning" in client.get("/historier/?q=ubåd").content.decode()


def test_a_search_pages_through_every_match_once_best_first_and_newest_among_equals(client_as, cast):
    now = timezone.now()
    for n in range(22):
        story = make_story(cast, title=f"Tur nummer {n}", body="Vi tog en vikar med.")
        Story.objects.filter(pk=story.pk).update(published_at=now - timedelta(hours=n))
    best = make_story(cast, title="Vikar, vikarer og afløsere", body="Vikardækning: vikar og afløser.")
    Story.objects.filter(pk=best.pk).update(published_at=now - timedelta(days=30))  # the oldest
    client = client_as("employee")
    first, second = (
        titles(client.get("/historier/?q=vikar")),
        titles(client.get("/historier/?q=vikar&side=2")),
    )
    assert first[0] == "Vikar, vikarer og afløsere"  # the best match, though it is the oldest
    assert first[1:4] == ["Tur nummer 0", "Tur nummer 1", "Tur nummer 2"]  # equal matches: newest first
    assert len(first) == 20 and len(second) == 3
    assert sorted(first + second) == sorted(
        ["Vikar, vikarer og afløsere", *(f"Tur nummer {n}" for n in range(22))]
    )


def test_search_never_shows_stories_the_person_may_not_read(client_as, cast):
    make_story(cast, title="Vikar i kladde", body="vikar", status=Story.Status.DRAFT)
    make_story(cast, title="Skjult vikar", body="vikar", status=Story.Status.HIDDEN)
    assert titles(client_as("employee").get("/historier/?q=vikar")) == []


def test_the_feed_is_paginated_and_keeps_the_filters(client_as, cast):
    for n in range(25):
        make_story(cast, title=f"Historie nummer {n}", kind="story")
    client = client_as("employee")
    first = client.get("/historier/?slags=story")
    assert len(titles(first)) == 20
    page = first.content.decode()
    assert "slags=story&amp;side=2" in page
    assert len(titles(client.get("/historier/?slags=story&side=2"))) == 5


@pytest.mark.parametrize(
    "url",
    [
        "/historier/",
        "/historier/?q=vikar+afløser&slags=story",
        "/historier/fag/",
        "/historier/fag/sosu/",
        "/historier/mine/",
        "/",
    ],
)
def test_pages_cost_at_most_ten_queries_whatever_the_number_of_stories(
    client_as, cast, professions, url, django_assert_max_num_queries
):
    for n in range(30):
        story = make_story(cast, title=f"Vikar {n}", body="Vi fandt selv en vikar.", themes="praksis")
        story.professions.add(professions["sosu"])
        Recognition.objects.create(story=story, user=cast.other)
    client = client_as("employee")
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_the_story_page_costs_at_most_ten_queries(
    client_as, cast, area, professions, django_assert_max_num_queries
):
    story = make_story(cast, decision_area=area)
    story.professions.add(*professions.values())
    for who in [cast.other, cast.tr, cast.amr, cast.leader]:
        Recognition.objects.create(story=story, user=who, note="Tak")
    for client in [client_as("employee"), client_as("leader")]:
        with django_assert_max_num_queries(10):
            assert client.get(story.get_absolute_url()).status_code == 200


def test_a_long_feed_says_more_than_a_thousand_instead_of_counting(client_as, cast, monkeypatch):
    from handlekraft.stories.views import stories as views

    for n in range(4):
        make_story(cast, title=f"Historie {n}")
    monkeypatch.setattr(views, "COUNT_CAP", 3)
    page = client_as("employee").get("/historier/").content.decode()
    assert "Mere end 3 historier" in page
    monkeypatch.setattr(views, "COUNT_CAP", 1000)
    assert "4 historier" in client_as("employee").get("/historier/").content.decode()


def test_examples_by_profession(client_as, cast, professions):
    story = make_story(cast, title="Udeskole hver fredag", kind="story")
    story.professions.add(professions["laerer"])
    learning = make_story(cast, title="Projektugen blev for stor", kind="learning", learning="Start mindre.")
    learning.professions.add(professions["laerer"])
    overview = client_as("employee").get("/historier/fag/").content.decode()
    assert "Lærere" in overview and "2 historier" in overview and "Udeskole hver fredag" in overview
    assert "0 historier" in overview  # sosu has none yet
    only_learning = client_as("employee").get("/historier/fag/laerer/?slags=learning")
    assert titles(only_learning) == ["Projektugen blev for stor"]


def test_units_decision_areas_and_experiments_show_their_stories(client_as, cast, area):
    experiment = Experiment.objects.create(
        unit=cast.unit,
        title="Tavlemøde",
        hypothesis="h",
        action="a",
        measure="m",
        success="s",
        start=timezone.localdate(),
        end=timezone.localdate(),
    )
    make_story(cast, title="Historien om vikaren", decision_area=area, experiment=experiment, unit=cast.team)
    client = client_as("other")
    unit_page = client.get(f"/organisation/enheder/{cast.unit.external_id}/").content.decode()
    assert "Historier fra enheden" in unit_page and "Historien om vikaren" in unit_page
    area_page = client.get(area.get_absolute_url()).content.decode()
    assert "Historier, der brugte dette råderum" in area_page and "Historien om vikaren" in area_page
    experiment_page = client.get(experiment.get_absolute_url()).content.decode()
    assert "Historien om vikaren" in experiment_page and "Del som historie" in experiment_page


def test_del_som_historie_opens_a_prefilled_story(client_as, cast, area):
    experiment = Experiment.objects.create(
        unit=cast.unit,
        title="Fast tur til havnen",
        hypothesis="beboerne får mere ud af dagen",
        action="en fast tur hver torsdag",
        measure="stemningen",
        success="de glæder sig",
        start=timezone.localdate(),
        end=timezone.localdate(),
        decision_area=area,
        status=Experiment.Status.DONE,
        next_step=Experiment.NextStep.STOP,
        learned="bussen skal bestilles i god tid",
    )
    form = client_as("employee").get(f"/historier/ny/?proevehandling={experiment.pk}").context["form"]
    assert form.initial["title"] == "Fast tur til havnen"
    assert form.initial["kind"] == Story.Kind.LEARNING  # a stopped experiment is a learning story
    assert "en fast tur hver torsdag" in form.initial["body"]
    assert form.initial["learning"].startswith("bussen skal bestilles")
    assert form.initial["experiment"] == experiment.pk and form.initial["decision_area"] == area.pk


def test_the_front_page_shows_new_stories_from_the_area(client_as, cast):
    make_story(cast, title="Nyt fra Hjemmeplejen", unit=cast.other_unit, author=cast.other)
    page = client_as("employee").get("/").content.decode()
    assert "Nye historier fra dit område" in page and "Nyt fra Hjemmeplejen" in page
    assert "Nyt fra Hjemmeplejen" not in client_as("hr").get("/").content.decode()  # HR's area is another
