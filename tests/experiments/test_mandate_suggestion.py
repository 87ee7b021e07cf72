"""An experiment nobody linked to a decision area still needs approval when its text is clearly about one
the team cannot decide alone: the search suggests the area and the owner confirms or corrects it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from handlekraft.experiments.models import Experiment
from handlekraft.mandates.models import DecisionArea
from tests.experiments.test_experiments import data


def hiring(cast, level: int) -> DecisionArea:
    return DecisionArea.objects.create(
        unit=cast.area,
        title="Ansættelse af faste medarbejdere",
        level=level,
        description="Valg af nye kolleger til faste stillinger.",
        keywords="ansættelse, ansætte, rekruttering, ny kollega",
    )


def propose(client, **changes):
    text = {"title": "Vi ansætter selv en ny kollega", "action": "at ansætte uden ansættelsesudvalg"}
    return client.post(reverse("experiments:create"), data(**{**text, **changes}))


@pytest.mark.parametrize(("level", "asked"), [(4, True), (5, False), (6, False)])
def test_the_owner_is_asked_to_confirm_an_area_below_level_5(client_as, cast, level, asked):
    area = hiring(cast, level)
    response = propose(client_as("employee"))
    if asked:
        assert response.status_code == 200 and not Experiment.objects.exists()
        html = response.content.decode()
        assert "ser ud til at høre under »Ansættelse af faste medarbejdere«" in html
        assert f'value="{area.pk}" selected' in html  # the suggestion is chosen, ready to confirm
    else:
        assert response.status_code == 302
        assert Experiment.objects.get().decision_area is None


def test_confirming_the_suggestion_makes_the_leader_approve(client_as, cast):
    area = hiring(cast, 4)
    propose(client_as("employee"), decision_area=area.pk)
    experiment = Experiment.objects.get()
    assert experiment.decision_area == area and experiment.needs_approval


def test_the_owner_may_say_that_no_area_fits(client_as, cast):
    hiring(cast, 3)
    response = propose(client_as("employee"), decision_area="0")
    assert response.status_code == 302
    assert Experiment.objects.get().decision_area is None


@pytest.mark.parametrize(("level", "needs"), [(4, True), (5, False), (6, False)])
def test_the_api_links_the_area_and_reports_it_needs_approval(client_as, cast, level, needs):
    hiring(cast, level)
    today = date.today()
    payload = {
        "title": "Vi ansætter selv en ny kollega",
        "unit": "D",
        "hypothesis": "vi finder den rette",
        "action": "at ansætte uden ansættelsesudvalg",
        "measure": "hvordan det går",
        "success": "hun bliver",
        "start": today.isoformat(),
        "end": (today + timedelta(weeks=4)).isoformat(),
    }
    response = client_as("employee").post("/api/v1/experiments", payload, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["needs_approval"] is needs
