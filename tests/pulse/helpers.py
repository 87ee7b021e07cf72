"""Helpers the pulse tests share: a survey that is open, people in a unit, everyone answering."""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone

from handlekraft.pulse import services
from handlekraft.pulse.models import Item, Survey
from tests.conftest import make_user


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def open_survey(unit, **extra) -> Survey:
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="Puls",
        unit=unit,
        opens=today - timedelta(days=1),
        closes=today + timedelta(days=13),
        round="2026Q4",
        **extra,
    )
    survey.items.set(Item.objects.filter(in_default_pulse=True))
    return survey


def people(unit, n, prefix):
    return [make_user(f"{prefix}{i}@test.dk", f"Person {prefix}{i}", unit) for i in range(n)]


def answer_all(survey, value=3):
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, value))


def closed_survey_with(unit, n, comment="Mere tid til hinanden", **extra):
    survey = open_survey(unit, question="Hvad skal vi gøre mere af?", **extra)
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey)[:n]:
        services.answer(raw, dict.fromkeys(keys, 3), comment)
    services.close(survey)
    return survey
