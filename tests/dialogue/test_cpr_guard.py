"""The CPR table of tests/lib/test_cpr.py through a form and the API, on whichever database runs the suite."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from handlekraft.dialogue.models import Meeting, Note
from tests.lib.test_cpr import TABLE


@pytest.fixture
def meeting(cast):
    return Meeting.objects.create(title="Dialogmøde", committee=cast.lmu, status="aaben")


def test_the_participant_form_refuses_every_cpr_number_of_the_table_and_takes_the_rest(meeting):
    wrong = []
    for n, (text, cpr) in enumerate(TABLE):
        page = Client().post(
            f"/m/{meeting.join_code}/", {"text": text, "column": meeting.column_keys[0], "client_id": f"f{n}"}
        )
        refused = page.status_code == 200 and "CPR-nummer" in page.content.decode()
        stored = Note.objects.filter(client_id=f"f{n}").exists()
        if refused is not cpr or stored is cpr:
            wrong.append(text)
    assert wrong == []


def test_the_api_refuses_every_cpr_number_of_the_table_and_takes_the_rest(meeting):
    wrong = []
    for n, (text, cpr) in enumerate(TABLE):
        response = Client().post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": text, "client_id": f"a{n}"}),
            content_type="application/json",
        )
        expected = 422 if cpr else 201
        if response.status_code != expected or (cpr and "CPR-nummer" not in response.json()["detail"]):
            wrong.append(text)
    assert wrong == []


def test_a_name_with_a_cpr_number_is_refused_next_to_the_name_field(meeting):
    page = Client().post(
        f"/m/{meeting.join_code}/",
        {
            "text": "Mere tid",
            "column": meeting.column_keys[0],
            "client_id": "n1",
            "first_name": "Karin 0707614285",
        },
    )
    assert 'id="id_first_name-error"' in page.content.decode() and not Note.objects.exists()
