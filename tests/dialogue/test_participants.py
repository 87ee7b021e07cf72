"""The participant's phone: posting, editing and deleting one's own notes, anonymity, bad notes, a closed
meeting, and the limits on posting and on guessing codes."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from handlekraft.dialogue.models import (
    Meeting,
    Note,
    Participant,
)

from .conftest import VALID_CPR, participant_post


def test_a_participant_posts_sees_edits_and_deletes_their_own_notes(client, meeting):
    response = participant_post(client, meeting, "Vi skal kende vores mandat.", first_name="Mette")
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.text == "Vi skal kende vores mandat." and note.author_name == "Mette"
    page = client.get(f"/m/{meeting.join_code}/").content.decode()
    assert "Vi skal kende vores mandat." in page

    other = Client()
    assert "Vi skal kende vores mandat." not in other.get(f"/m/{meeting.join_code}/").content.decode()
    assert other.post(f"/m/{meeting.join_code}/noter/{note.pk}/", {"text": "Hacket"}).status_code == 404

    client.post(
        f"/m/{meeting.join_code}/noter/{note.pk}/", {"text": "Vi skal kende vores mandat – fx om vikarer."}
    )
    note.refresh_from_db()
    assert note.text.endswith("om vikarer.")
    client.post(f"/m/{meeting.join_code}/noter/{note.pk}/", {"action": "delete"})
    note.refresh_from_db()
    assert note.deleted
    assert "om vikarer" not in client.get(f"/m/{meeting.join_code}/").content.decode()


def test_a_note_without_a_name_stays_anonymous_after_the_same_phone_names_a_later_one(
    client, client_as, meeting
):
    participant_post(client, meeting, "Vi mangler tid til at tale sammen.", client_id="n1")
    participant_post(client, meeting, "Mere sparring på tværs.", client_id="n2", first_name="Karin")
    board = client_as("leader").get(meeting.get_absolute_url()).content.decode()
    anonymous, named = board.split("Vi mangler tid")[1], board.split("Mere sparring på tværs.")[1]
    assert "Anonym" in anonymous[:400] and "Karin" not in anonymous[:400]
    assert "Karin" in named[:400]
    export = client_as("leader").get(f"/dialog/{meeting.pk}/noter.csv").content.decode("utf-8-sig")
    names = {row["note"]: row["fornavn"] for row in csv.DictReader(io.StringIO(export), delimiter=";")}
    assert names == {"Vi mangler tid til at tale sammen.": "", "Mere sparring på tværs.": "Karin"}
    # In the database, the two notes share nothing that says they came from one phone.
    first, second = Note.objects.order_by("pk")
    assert first.author_name == "" and first.owner_hash != second.owner_hash
    assert not [f.name for f in Note._meta.concrete_fields if f.related_model is Participant]
    # The phone still sees and may change both, and its form suggests the name it typed last.
    page = client.get(f"/m/{meeting.join_code}/").content.decode()
    assert "Vi mangler tid" in page and "Mere sparring" in page and 'value="Karin"' in page


def test_a_repeated_post_never_makes_a_duplicate(client, meeting):
    participant_post(client, meeting, "Tillid", client_id="abc")
    participant_post(client, meeting, "Tillid", client_id="abc")
    assert Note.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Skriv noget i noten"),
        ("x" * 501, "Noten er for lang: 501 tegn"),
        (f"Borgeren {VALID_CPR[:6]}-{VALID_CPR[6:]} ringede", "CPR-nummer"),
    ],
)
def test_bad_notes_get_a_danish_message_next_to_the_field(client, meeting, text, message):
    response = participant_post(client, meeting, text)
    page = response.content.decode()
    assert response.status_code == 200 and message in page and 'id="id_text-error"' in page
    assert not Note.objects.exists()


def test_a_closed_meeting_takes_no_notes(client, meeting):
    meeting.status = Meeting.Status.CLOSED
    meeting.save()
    page = participant_post(client, meeting, "For sent").content.decode()
    assert "Mødet er lukket" in page and not Note.objects.exists()


def test_a_participant_is_rate_limited(client, meeting):
    for n in range(20):
        participant_post(client, meeting, f"Note {n}", client_id=f"id{n}")
    response = participant_post(client, meeting, "En for meget", client_id="id-last")
    assert "Vent et øjeblik" in response.content.decode()
    assert Note.objects.count() == 20


def test_guessing_codes_is_rate_limited_but_a_real_code_always_gets_in(client, meeting):
    for _ in range(20):
        assert client.get("/m/?code=ZZZZZZ").status_code == 200
    response = client.get("/m/?code=ZZZZZY")
    assert response.status_code == 429 and "For mange forkerte koder" in response.content.decode()
    # Everyone else behind the same address (a theme day on one Wi-Fi) still joins with the right code.
    joined = client.get(f"/m/?code={meeting.join_code}")
    assert joined.status_code == 302 and joined["Location"] == f"/m/{meeting.join_code}/"
    assert client.get(f"/m/{meeting.join_code}/").status_code == 200
