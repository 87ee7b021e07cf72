"""'Må jeg selv?': what a person asking notices – a clear answer only when the question is answered, never a
"yes" from an unrelated area, legal frames answered from the area that holds them, one query."""

from __future__ import annotations

import pytest

from handlekraft.mandates.models import DecisionArea
from handlekraft.mandates.search import can_i_decide
from handlekraft.organisation.models import Unit
from tests.mandates.quality import load


def ask(unit_id: str, question: str):
    return can_i_decide(Unit.objects.get(external_id=unit_id), question)


@pytest.mark.parametrize(
    "question",
    [
        "Må jeg tage min hund med på arbejde?",  # matched "arbejde" in an office-supplies description
        "Må jeg arbejde hjemme?",  # no Hjemmearbejde area in force in a plejecenter
        "Hvornår kommer julefrokosten?",
        "Må jeg male min bil i kælderen?",
    ],
)
def test_questions_outside_every_mandate_get_no_clear_answer(demo_org, question):
    assert not ask("SO-SOL-A", question).clear


def test_one_common_word_is_never_enough(demo_org):
    # "fri" is in the limits of Indretning af fællesarealer ("flugtveje holdes fri"): that is not an answer.
    answer = ask("SO-SOL-A", "Må jeg holde fri på fredag?")
    assert not (answer.clear and answer.best.area.title == "Indretning af fællesarealer")


def test_confidentiality_is_answered_from_the_area_that_holds_it(demo_org):
    answer = ask("SO-SOL-A", "Må jeg tale med pårørende om en beboers helbred?")
    assert answer.clear
    assert answer.best.area.title == "Tavshedspligt og videregivelse af oplysninger"
    assert "tavshedspligt" in answer.frames


def test_a_legal_frame_without_an_area_in_force_is_not_clear(demo_org):
    # Magtanvendelse is an area of Botilbuddet Engly only: a plejecenter team gets no clear answer, no "yes".
    answer = ask("SO-SOL-A", "Må jeg holde fast i en beboer med demens, der vil gå ud om natten?")
    assert answer.frames == ["magtanvendelse"]
    assert not answer.clear
    assert ask("SOC-ENG", "Må jeg holde armene på en beboer, der slår?").best.area.title == "Magtanvendelse"


def test_a_gift_to_a_colleague_is_not_a_gift_from_a_citizen(demo_org):
    answer = ask("SO-SOL-A", "blomster til en kollega med 25 års jubilæum")
    assert answer.best.area.title == "Gaver og blomster ved jubilæer og afsked"
    assert answer.frames == []


def test_near_neighbours_are_told_apart(demo_org):
    assert ask("SO-SOL-A", "sygemeldt kollega i dag").best.area.title == "Valg af vikar ved akut fravær"
    assert ask("SO-SOL-A", "kollega på barsel").best.area.title == "Vikardækning ved barsel og langtidsfravær"


def test_a_search_never_returns_an_area_that_is_not_in_force_for_the_unit(demo_org):
    units = {u.external_id: u for u in Unit.objects.all()}
    allowed = {eid: {a.pk for a in DecisionArea.objects.for_unit(u)} for eid, u in units.items()}
    for question in load():
        for result in can_i_decide(units[question.unit], question.text).results:
            assert result.area.pk in allowed[question.unit], (question, result.area)


def test_the_local_replacement_is_what_the_team_gets(demo_org):
    team_a = ask("SO-SOL-A", "tur med beboerne").best.area
    team_b = ask("SO-SOL-B", "tur med beboerne").best.area
    assert (team_a.unit.external_id, team_a.level) == ("SO-SOL-A", 7)
    assert (team_b.unit.external_id, team_b.level) == ("SO", 6)


def test_search_costs_one_query(demo_org, django_assert_num_queries):
    unit = Unit.objects.get(external_id="SO-SOL-A")
    with django_assert_num_queries(1):
        can_i_decide(unit, "Må jeg selv ringe efter en vikar?")
