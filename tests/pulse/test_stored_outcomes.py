"""Closing a survey decides, once, what each group may show; the results pages read that decision.

A page costs the same queries however many rounds and units there are, and a threshold changed after
closing is honoured at once (issue 18)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from handlekraft.organisation.models import SiteSettings, Unit
from handlekraft.pulse.models import Survey, UnitOutcome
from tests.pulse.helpers import closed_survey_with, people

SUPPRESSED = "Resultatet vises ikke: gruppen er for lille"


def set_threshold(n: int) -> None:
    site = SiteSettings.current()
    site.anonymity_threshold = n
    site.save()


def test_closing_stores_each_groups_outcome_at_the_threshold_in_force(cast):
    people(cast.team, 3, "t")  # D: 4 placed directly, T: 3
    survey = closed_survey_with(cast.unit, 100)
    outcomes = {
        o.unit.external_id: o for o in UnitOutcome.objects.filter(survey=survey).select_related("unit")
    }
    assert set(outcomes) == {"D", "T"}
    assert outcomes["D"].shown and outcomes["D"].respondents == 7 and outcomes["D"].scores["tryghed"] == 75
    assert not outcomes["T"].shown and not outcomes["T"].comments_shown  # 3 is below the threshold of 5
    assert not outcomes["D"].comments_shown  # comments need a group of 10
    survey.refresh_from_db()
    assert survey.decided_at_threshold == 5


def test_a_threshold_raised_after_closing_hides_a_group_at_once_and_lowering_it_shows_it_again(
    client_as, cast
):
    people(cast.unit, 2, "d")  # D: 6 people, all answering
    survey = closed_survey_with(cast.unit, 100)
    leader = client_as("leader")
    page = leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert SUPPRESSED not in page and "6 besvarelser" in page
    set_threshold(7)
    page = leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert SUPPRESSED in page and "6 besvarelser" not in page
    assert leader.get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").json()["suppressed"] is True
    set_threshold(6)  # the boundary: 6 respondents at a threshold of 6 are shown
    page = leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert SUPPRESSED not in page and "6 besvarelser" in page
    assert Survey.objects.get(pk=survey.pk).decided_at_threshold == 6


def test_a_survey_closed_before_outcomes_were_stored_gets_them_from_the_migration(client_as, cast):
    from importlib import import_module

    from django.apps import apps

    people(cast.unit, 2, "d")
    survey = closed_survey_with(cast.unit, 100)
    stored = {o.unit_id: (o.respondents, o.scores) for o in UnitOutcome.objects.filter(survey=survey)}
    UnitOutcome.objects.filter(survey=survey).delete()
    Survey.objects.filter(pk=survey.pk).update(decided_at_threshold=None)
    import_module("handlekraft.pulse.migrations.0008_stored_outcomes").outcomes_of_closed_surveys(apps, None)
    again = {o.unit_id: (o.respondents, o.scores) for o in UnitOutcome.objects.filter(survey=survey)}
    assert again == stored  # the migration scores as closing does
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D")  # the first page decides
    assert SUPPRESSED not in page.content.decode()
    assert page.context["mine"].scores["tryghed"] == 75 and page.context["mine"].responses == 6
    assert Survey.objects.get(pk=survey.pk).decided_at_threshold == 5


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_results_pages_cost_the_same_queries_for_one_round_and_five_and_for_more_units(client_as, cast):
    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.kommune, 1000)
    hr = client_as("hr")
    pages = [
        f"/maaling/{{pk}}/?enhed={cast.kommune.external_id}",
        "/maaling/{pk}/?enhed=D",
        "/api/v1/pulse/surveys/{pk}/results?unit=D",
    ]
    small = [_queries(hr, page.format(pk=survey.pk)) for page in pages]
    for i in range(12):  # twelve more areas of six in the heatmap, and four more rounds
        team = Unit.objects.create(
            external_id=f"X{i}", name=f"Område {i}", kind="omraade", parent=cast.kommune
        )
        people(team, 6, f"x{i}-")
    for _ in range(4):
        survey = closed_survey_with(cast.kommune, 1000)
    assert UnitOutcome.objects.filter(survey=survey, shown=True).count() > 12
    assert len(client_as("hr").get(pages[0].format(pk=survey.pk)).context["heatmap"]) > 12
    large = [_queries(hr, page.format(pk=survey.pk)) for page in pages]
    assert large == small and max(large) <= 10


def test_with_the_cache_in_the_database_the_page_reads_the_settings_once_and_stays_in_budget(client_as, cast):
    """Production without Redis keeps the cache in the database: each read of it is a query."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import override_settings

    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.kommune, 1000)
    table = "handlekraft_cache_pages"
    with override_settings(
        CACHES={"default": {"BACKEND": "handlekraft.lib.cache.CountingDatabaseCache", "LOCATION": table}}
    ):
        call_command("createcachetable", verbosity=0)
        cache.clear()
        hr = client_as("hr")
        hr.get(f"/maaling/{survey.pk}/?enhed=K")  # fills the cache
        with CaptureQueriesContext(connection) as captured:
            assert hr.get(f"/maaling/{survey.pk}/?enhed=K").status_code == 200
    reads = [q for q in captured.captured_queries if table in q["sql"]]
    assert len(reads) == 1 and len(captured) <= 10, "\n".join(
        q["sql"][:100] for q in captured.captured_queries
    )
