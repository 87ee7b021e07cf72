from __future__ import annotations

import pytest

from handlekraft.mandates.models import DecisionArea
from handlekraft.stories.models import Profession, Story


@pytest.fixture
def professions(db):
    return {
        "sosu": Profession.objects.create(slug="sosu", name="Social- og sundhedsassistenter"),
        "laerer": Profession.objects.create(slug="laerer", name="Lærere"),
    }


@pytest.fixture
def area(cast):
    return DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar ved akut fravær", level=6)


def form_data(**changes) -> dict:
    data = {
        "kind": "story",
        "title": "Vi valgte selv vikaren",
        "body": "En kollega blev syg, og vi fandt selv en vikar fra listen.",
        "meaning": "Beboerne mødte et kendt ansigt.",
        "learning": "",
        "visibility": "alle",
        "action": "share",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def make_story(cast, author=None, unit=None, status=Story.Status.PUBLISHED, **fields) -> Story:
    story = Story(
        author=author or cast.employee,
        unit=unit or cast.unit,
        title=fields.pop("title", "En god historie"),
        body=fields.pop("body", "Det skete på afsnittet."),
        **fields,
    )
    if status == Story.Status.PUBLISHED:
        story.publish()
    else:
        story.status = status
    story.save()
    return story
