"""Suppression: results, counts and comments only for groups large enough, never while the survey is
open, and never so that a small group can be had by subtracting two larger ones."""

from __future__ import annotations

import pytest

from handlekraft.organisation.models import Unit
from handlekraft.pulse import services
from tests.pulse.helpers import answer_all, closed_survey_with, open_survey, people, post


def test_a_four_person_unit_is_suppressed_and_a_five_person_unit_is_shown(cast):
    small = Unit.objects.create(external_id="S", name="Lille team", kind="team", parent=cast.kommune)
    people(small, 3, "s")  # + nobody else: 3 people
    survey = open_survey(cast.kommune)
    answer_all(survey)
    services.close(survey)
    assert services.result(survey, small).suppressed


def test_a_parent_with_children_of_8_and_4_does_not_reveal_the_4(db):
    root = Unit.objects.create(external_id="R", name="Område", kind="omraade")
    eight = Unit.objects.create(external_id="E", name="Otte", kind="team", parent=root)
    four = Unit.objects.create(external_id="F", name="Fire", kind="team", parent=root)
    people(eight, 8, "e")
    people(four, 4, "f")
    survey = open_survey(root)
    answer_all(survey)
    services.close(survey)
    parent, child8, child4 = (services.result(survey, u) for u in (root, eight, four))
    assert child4.suppressed
    assert parent.suppressed or child8.suppressed  # never both shown: 12 − 8 would give the 4
    assert not parent.suppressed and parent.responses == 12


def test_counts_and_results_stay_hidden_while_the_survey_is_open(cast, client_as):
    units = [cast.unit]
    people(cast.unit, 6, "d")
    survey = open_survey(cast.unit)
    answer_all(survey)
    body = client_as("hr").get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").json()
    assert body["suppressed"] is True and body["responses"] is None
    assert all(c["score"] is None for c in body["constructs"])
    post(client_as("hr"), f"/api/v1/pulse/surveys/{survey.pk}/close", {})
    body = client_as("hr").get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").json()
    assert body["suppressed"] is False and body["responses"] == 10 and units
    scores = {c["key"]: c["score"] for c in body["constructs"]}
    assert scores["tryghed"] == 75  # everyone answered 3 of 4
    assert scores["raaderum"] == round(25 * (3 + 3 + 1) / 3)  # the reversed item counts 4 − 3


def test_comments_in_a_group_of_9_are_hidden_and_shown_from_10(client_as, cast):
    people(cast.unit, 5, "d")  # D has 4 + 5 = 9 people
    survey = closed_survey_with(cast.unit, 9)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Mere tid til hinanden" not in page and "Hvad skal vi gøre mere af?" not in page
    people(cast.unit, 1, "x")
    survey = closed_survey_with(cast.unit, 10)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert page.count("Mere tid til hinanden") == 10


def test_the_leader_sees_the_units_below_with_small_ones_suppressed(client_as, cast):
    people(cast.team, 2, "t")  # team T under D: 2 people → never shown on its own
    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.unit, 100)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Enhederne under" in page and "Bøgely, afsnit 1" in page
    heat = page.split("Enhederne under")[1]
    assert "heat-none" in heat and "heat-high" not in heat.split("Bøgely, afsnit 1")[1].split("</tr>")[0]
    employee_page = client_as("employee").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Enhederne under" not in employee_page


def test_comments_cannot_be_had_by_subtracting_two_pages(client_as, cast):
    """D with 16 respondents, its team T with 11: T's comments would give away the other 5 by subtraction
    (D's own 4 and one person in a second team), so only D's are shown; the scores' rule (at 5) still
    shows T's scores."""
    t2 = Unit.objects.create(external_id="T2", name="Bøgely, afsnit 2", kind=Unit.Kind.TEAM, parent=cast.unit)
    people(cast.team, 11, "t")
    people(t2, 1, "u")
    survey = open_survey(cast.unit, question="Hvad skal vi gøre mere af?")
    keys = list(survey.items.values_list("key", flat=True))
    for unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, 3), f"Kommentar fra {unit.external_id}")
    services.close(survey)
    leader = client_as("leader")
    department = leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert department.count("Kommentar fra") == 16
    team = leader.get(f"/maaling/{survey.pk}/?enhed=T").content.decode()
    assert "Kommentar fra" not in team
    assert services.result(survey, cast.team).scores["raaderum"] is not None  # 16 − 11 = 5: scores shown


def test_comments_are_shown_for_both_when_the_remainder_is_ten(client_as, cast):
    t2 = Unit.objects.create(external_id="T2", name="Bøgely, afsnit 2", kind=Unit.Kind.TEAM, parent=cast.unit)
    people(cast.team, 10, "t")
    people(t2, 6, "u")  # D: 4 + 10 + 6 = 20; without T, 10 remain
    survey = open_survey(cast.unit, question="Hvad skal vi gøre mere af?")
    keys = list(survey.items.values_list("key", flat=True))
    for unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, 3), f"Kommentar fra {unit.external_id}")
    services.close(survey)
    leader = client_as("leader")
    assert leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode().count("Kommentar fra") == 20
    assert leader.get(f"/maaling/{survey.pk}/?enhed=T").content.decode().count("Kommentar fra T") == 10


def test_the_anonymity_threshold_cannot_be_set_below_three(cast):
    from django.core.exceptions import ValidationError

    from handlekraft.organisation.models import SiteSettings

    site = SiteSettings.current()
    for value in (0, 1, 2):
        site.anonymity_threshold = value
        with pytest.raises(ValidationError) as refused:
            site.full_clean()
        assert "Grænsen skal være mindst 3" in str(refused.value)
    site.anonymity_threshold = 3
    site.full_clean()
    # A row written around the form (an old database, a script) still counts as 3.
    SiteSettings.objects.update_or_create(pk=1, defaults={"anonymity_threshold": 1})
    survey = closed_survey_with(cast.unit, 2)
    assert services.result(survey, cast.unit).suppressed
    survey = closed_survey_with(cast.unit, 3)
    assert not services.result(survey, cast.unit).suppressed


def test_the_response_rate_is_hidden_while_fewer_than_the_threshold_are_asked(client_as, cast):
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)  # D: 4 people, below the threshold of 5
    services.answer(raw, {"raaderum_ved": 3})
    page = client_as("hr").get(f"/maaling/{survey.pk}/styring/").content.decode()
    assert "Svarprocent" not in page and "25 %" not in page


def test_the_trend_hides_a_round_whose_respondents_changed_by_fewer_than_the_threshold(client_as, cast):
    """10, then 14 (4 more: fewer than the threshold of 5, hidden), then 15 (5 more than the last shown)."""
    people(cast.unit, 11, "d")  # D: 4 + 11 = 15 people
    for n in (10, 14, 15):
        survey = closed_survey_with(cast.unit, n)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D")
    first = page.context["trend"][0]["values"]
    assert first[0] is not None and first[1] is None and first[2] is not None
    assert "kunne pege på dem, der kom eller gik" in page.content.decode()


def test_comparable_rounds_at_the_threshold():
    from handlekraft.pulse.results import comparable_rounds

    assert comparable_rounds([10, 10, 14, 15, None, 20], 5) == [True, True, False, True, False, True]
    assert comparable_rounds([None, 8, 4, 3], 5) == [False, True, False, True]


def test_closing_stores_counts_and_subtree_rollups(cast):
    from handlekraft.pulse.models import Aggregate, Rollup, UnitCount

    people(cast.team, 3, "t")
    survey = closed_survey_with(cast.unit, 100)
    counts = {c.unit.external_id: (c.direct, c.subtree) for c in UnitCount.objects.filter(survey=survey)}
    assert counts == {"D": (4, 7), "T": (3, 3)}
    item = survey.items.get(key="raaderum_ved")
    d = Rollup.objects.get(survey=survey, unit=cast.unit, item=item).distribution
    own = [
        Aggregate.objects.get(survey=survey, unit=u, item=item).distribution for u in (cast.unit, cast.team)
    ]
    assert d == [a + b for a, b in zip(*own, strict=True)]
