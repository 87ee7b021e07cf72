"""The dialogue API exactly as DESIGN §5 describes it."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from handlekraft.dialogue.models import (
    Meeting,
    Note,
    Participant,
)

from .conftest import VALID_CPR


class TestAPI:
    def test_create_and_close_a_meeting(self, client_as, cast):
        client = client_as("leader")
        created = client.post(
            "/api/v1/meetings", json.dumps({"title": "LMU", "unit": "D"}), content_type="application/json"
        )
        assert created.status_code == 201
        body = created.json()
        assert set(body) == {"id", "join_code"}
        not_theirs = client_as("tr").post(f"/api/v1/meetings/{body['id']}/close")
        assert not_theirs.status_code == 403
        assert not_theirs.json() == {"detail": "Kun mødets facilitatorer har adgang."}
        closed = client.post(f"/api/v1/meetings/{body['id']}/close")
        assert closed.status_code == 200 and Meeting.objects.get().status == "lukket"
        refused = client_as("employee").post(
            "/api/v1/meetings", json.dumps({"title": "X", "unit": "D"}), content_type="application/json"
        )
        assert refused.status_code == 403

    def test_an_integration_runs_a_whole_meeting_planned_opened_closed(self, client_as, cast):
        leader = client_as("leader")
        created = leader.post(
            "/api/v1/meetings", json.dumps({"title": "OMU", "unit": "D"}), content_type="application/json"
        ).json()
        note = {"text": "Mere tid til sparring", "client_id": "n1"}
        participant = Client()
        path = f"/api/v1/meetings/{created['join_code']}/notes"
        assert participant.post(path, json.dumps(note), content_type="application/json").status_code == 409
        assert client_as("tr").post(f"/api/v1/meetings/{created['id']}/open").status_code == 403
        opened = leader.post(f"/api/v1/meetings/{created['id']}/open")
        assert opened.status_code == 200 and opened.json() == {"id": created["id"], "status": "aaben"}
        assert participant.post(path, json.dumps(note), content_type="application/json").status_code == 201
        assert leader.post(f"/api/v1/meetings/{created['id']}/open").json()["status"] == "aaben"
        assert leader.post(f"/api/v1/meetings/{created['id']}/close").json()["status"] == "lukket"
        assert Note.objects.filter(meeting_id=created["id"]).count() == 1

    def test_a_participant_posts_without_an_account(self, meeting):
        client = Client()
        post = client.post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": "Tillid", "column": meeting.column_keys[1], "client_id": "q1"}),
            content_type="application/json",
        )
        assert post.status_code == 201 and "hk_deltager" in post.cookies
        again = client.post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": "Tillid", "column": meeting.column_keys[1], "client_id": "q1"}),
            content_type="application/json",
        )
        assert again.status_code == 200 and Note.objects.count() == 1
        assert Participant.objects.count() == 1

    def test_a_phone_posts_twenty_notes_a_minute_and_may_still_resend_one(self, meeting):
        client = Client()
        path = f"/api/v1/meetings/{meeting.join_code}/notes"

        def send(n):
            body = json.dumps({"text": f"Note {n}", "client_id": f"c{n}"})
            return client.post(path, body, content_type="application/json")

        assert [send(n).status_code for n in range(1, 21)] == [201] * 20  # the limit itself is allowed
        refused = send(21)
        assert refused.status_code == 429 and "mange noter på kort tid" in refused.json()["detail"]
        again = send(20)  # the phone never saw the answer to its twentieth: it is found, not refused
        assert again.status_code == 200 and again.json()["text"] == "Note 20"
        assert Note.objects.filter(meeting=meeting).count() == 20

    @pytest.mark.parametrize(
        ("text", "status", "message"),
        [
            ("", 422, "Skriv noget"),
            ("x" * 501, 422, "for lang"),
            (f"cpr {VALID_CPR}", 422, "CPR-nummer"),
        ],
    )
    def test_bad_notes_answer_4xx_in_danish(self, meeting, text, status, message):
        response = Client().post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": text}),
            content_type="application/json",
        )
        assert response.status_code == status and message in response.json()["detail"]
        assert not Note.objects.exists()

    def test_a_closed_meeting_answers_409(self, meeting):
        meeting.status = "lukket"
        meeting.save()
        response = Client().post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": "Hej"}),
            content_type="application/json",
        )
        assert response.status_code == 409 and "lukket" in response.json()["detail"]

    def test_the_facilitator_reads_the_notes(self, client_as, meeting):
        phone = Client()
        for body in ({"text": "Hej"}, {"text": "Hej igen", "name": "Karin"}):
            phone.post(
                f"/api/v1/meetings/{meeting.join_code}/notes",
                json.dumps(body),
                content_type="application/json",
            )
        notes = client_as("leader").get(f"/api/v1/meetings/{meeting.pk}/notes").json()["notes"]
        assert [set(n) for n in notes] == [{"id", "text", "column", "name", "created"}] * 2
        assert notes[0]["text"] == "Hej" and notes[0]["column"] == meeting.column_keys[0]
        assert [n["name"] for n in notes] == [None, "Karin"]  # the first stays anonymous

    def test_a_browser_post_needs_the_csrf_token(self, meeting):
        client = Client(enforce_csrf_checks=True)
        page = client.get(f"/m/{meeting.join_code}/")
        assert "csrftoken" in page.cookies and "hk_deltager" in page.cookies
        refused = client.post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": "Hej"}),
            content_type="application/json",
        )
        assert refused.status_code == 403
        token = page.cookies["csrftoken"].value
        accepted = client.post(
            f"/api/v1/meetings/{meeting.join_code}/notes",
            json.dumps({"text": "Hej"}),
            content_type="application/json",
            headers={"X-CSRFToken": token},
        )
        assert accepted.status_code == 201
