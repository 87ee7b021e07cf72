"""Action plans: the unit writes one from its weakest conditions; HU sees them across the areas."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from handlekraft.pulse import services
from tests.conftest import CAST
from tests.pulse.helpers import closed_survey_with, open_survey, people


def test_an_action_plan_follows_the_weakest_conditions(client_as, cast):
    people(cast.unit, 6, "d")
    survey = open_survey(cast.unit)
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey):
        # Everything good except a clear mandate (the reversed aflæring item answered "Helt enig").
        services.answer(
            raw, {k: (4 if k == "raaderum_aflaering" else 1 if k.startswith("raaderum") else 3) for k in keys}
        )
    services.close(survey)
    page = client_as("leader").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    weak = page.split("Det kan I tage fat på")[1]
    assert "Klart råderum" in weak and "Hold en råderumsworkshop" in weak and "delegationspoker" in weak
    owner = cast.employee.pk
    client_as("leader").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D",
        {
            "text": "Råderumsworkshop på personalemødet",
            "owner": owner,
            "due": str(timezone.localdate() + timedelta(days=40)),
            "construct": survey.items.first().construct_id,
        },
    )
    from handlekraft.pulse.models import Action

    late = client_as("leader").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D",
        {
            "text": "For sent",
            "owner": owner,
            "due": str(timezone.localdate() - timedelta(days=1)),
            "construct": survey.items.first().construct_id,
        },
    )
    assert "Fristen kan ikke ligge før i dag." in late.content.decode()
    assert "For sent" in late.content.decode()  # what was typed is kept

    action = Action.objects.get()
    assert action.plan.unit == cast.unit and action.status == "planlagt"
    client_as("tr").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D", {"status_for": action.pk, "status": "igang"}
    )
    action.refresh_from_db()
    assert action.status == "igang"
    refused = client_as("employee").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D", {"status_for": action.pk, "status": "gennemfoert"}
    )
    assert refused.status_code == 403
    assert (
        "Råderumsworkshop på personalemødet"
        in client_as("employee").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    )


@pytest.mark.parametrize("who", CAST)
def test_hu_sees_the_action_plans_across_areas(client_as, cast, who):
    survey = open_survey(cast.kommune)
    services.close(survey)
    status = client_as(who).get(f"/maaling/{survey.pk}/handleplaner/").status_code
    assert status == {"hr": 200, "anonymous": 302}.get(who, 403)


@pytest.mark.parametrize("who", CAST)
def test_the_action_plan_page_by_role(client_as, cast, who):
    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.unit, 100)
    client = client_as(who)
    seen = client.get(f"/maaling/{survey.pk}/handleplan/?enhed=D").status_code
    added = client.post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D",
        {
            "text": "Tavlemøde om råderummet",
            "owner": cast.leader.pk,
            "due": str(timezone.localdate() + timedelta(days=60)),
        },
    ).status_code
    from handlekraft.pulse.models import Action

    writers = {"leader", "tr", "amr", "hr"}
    assert seen == {"anonymous": 302, "other": 403}.get(who, 200), who
    assert Action.objects.exists() is (who in writers), who
    if who not in writers:
        assert added in {302, 403} and (added == 302) is (who == "anonymous")
