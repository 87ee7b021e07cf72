"""Dialogmøder: opening a meeting, the participant page, the board's live changes, polls, exports, API."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from docx import Document

from handlekraft.dialogue.models import (
    CODE_ALPHABET,
    Meeting,
    MeetingTemplate,
    Note,
    NoteGroup,
    Participant,
    Poll,
)
from tests.conftest import CAST

VALID_CPR = "0101901009"


@pytest.fixture
def meeting(cast):
    meeting = Meeting.objects.create(title="Hvad er aktørskab for os?", committee=cast.lmu, status="aaben")
    meeting.facilitators.add(cast.leader)
    return meeting


def participant_post(
    client: Client, meeting: Meeting, text: str, column: str = "", client_id: str = "x1", **extra
):
    data = {"text": text, "column": column or meeting.column_keys[0], "client_id": client_id, **extra}
    return client.post(f"/m/{meeting.join_code}/", data)


def test_join_codes_are_short_and_unambiguous(cast):
    codes = {Meeting.objects.create(title=f"M{n}").join_code for n in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("0O1IL5S")


def test_the_built_in_templates_are_there_with_an_introduction(db):
    names = set(MeetingTemplate.objects.values_list("name", flat=True))
    assert {
        "Hvad er aktørskab for os?",
        "Temadag om aktørskab",
        "Råderumsworkshop",
        "Opfølgning på arbejdsmiljørapporten",
    } <= names
    theme_day = MeetingTemplate.objects.get(name="Temadag om aktørskab")
    assert [c["key"] for c in theme_day.columns] == ["organisation", "relationer", "ledelse", "praksis"]
    assert MeetingTemplate.objects.get(name="Råderumsworkshop").starts_poker


@pytest.mark.parametrize("who", CAST)
def test_leaders_committee_members_and_hr_open_meetings(client_as, cast, who):
    response = client_as(who).post(
        "/dialog/nyt/",
        {"title": "Dialogmøde", "forum": f"udvalg-{cast.lmu.pk}", "column_0": "Det, der giver mening"},
    )
    # The leader and the TR sit in LMU Bøgely; HR may choose any forum.
    if who in {"leader", "tr", "hr"}:
        meeting = Meeting.objects.get()
        assert response.status_code == 302 and meeting.committee == cast.lmu
        assert list(meeting.facilitators.all()) == [getattr(cast, who)]
    elif who == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 403 and not Meeting.objects.exists()


def test_a_meeting_from_a_template_takes_its_columns_and_questions(client_as, cast):
    template = MeetingTemplate.objects.get(name="Temadag om aktørskab")
    page = client_as("leader").get(f"/dialog/nyt/?skabelon={template.pk}")
    assert template.introduction[:40] in page.content.decode()
    form = page.context["form"]
    data = {name: field.initial or "" for name, field in form.fields.items()}
    data.update(title="Temadag", forum=f"udvalg-{cast.lmu.pk}", starts_at="2026-12-03T09:00")
    client_as("leader").post(f"/dialog/nyt/?skabelon={template.pk}", data)
    meeting = Meeting.objects.get()
    assert meeting.column_keys == ["organisation", "relationer", "ledelse", "praksis"]
    assert meeting.columns[2]["prompts"] == ["Hvor kan ledere give slip – og stadig sikre retning?"]


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
    names = {row["note"]: row["fornavn"] for row in csv.DictReader(io.StringIO(export))}
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


def test_the_board_gets_only_what_changed(client_as, client, meeting):
    board = client_as("leader")
    start = meeting.revision
    participant_post(client, meeting, "Første note", client_id="a")
    participant_post(client, meeting, "Anden note", client_id="b")
    changes = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={start}").content.decode()
    assert "Første note" in changes and "Anden note" in changes
    meeting.refresh_from_db()
    nothing_new = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={meeting.revision}").content.decode()
    assert "note-" not in nothing_new and f"rev={meeting.revision}" in nothing_new
    participant_post(client, meeting, "Tredje note", client_id="c")
    only_third = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={meeting.revision}").content.decode()
    assert "Tredje note" in only_third and "Første note" not in only_third


def test_facilitators_group_hide_and_mark_notes(client_as, client, meeting):
    participant_post(client, meeting, "Tydelige hjørneflag")
    note = Note.objects.get()
    board = client_as("leader")
    board.post(f"/dialog/{meeting.pk}/grupper/", {"name": "Rammer", "column": note.column})
    group = NoteGroup.objects.get()
    board.post(f"/dialog/{meeting.pk}/noter/{note.pk}/", {"action": "move", "group": group.pk})
    board.post(f"/dialog/{meeting.pk}/noter/{note.pk}/", {"action": "forward"})
    board.post(f"/dialog/{meeting.pk}/noter/{note.pk}/", {"action": "hide"})
    note.refresh_from_db()
    assert note.group == group and note.way_forward and note.hidden
    # A hidden note leaves the projector and the API, but stays on the board, marked.
    assert "Tydelige hjørneflag" not in board.get(f"/dialog/{meeting.pk}/skaerm/").content.decode()
    assert "Tydelige hjørneflag" in board.get(f"/dialog/{meeting.pk}/").content.decode()


@pytest.mark.parametrize("who", CAST)
def test_only_facilitators_see_the_board_and_its_metadata(client_as, client, meeting, who):
    participant_post(client, meeting, "En note", first_name="Mette")
    note = Note.objects.get()
    c = client_as(who)
    urls = [
        f"/dialog/{meeting.pk}/",
        f"/dialog/{meeting.pk}/aendringer/?rev=0",
        f"/dialog/{meeting.pk}/skaerm/",
        f"/dialog/{meeting.pk}/noter.csv",
        f"/dialog/{meeting.pk}/noter.docx",
    ]
    for url in urls:
        status = c.get(url).status_code
        assert status == {"leader": 200, "anonymous": 302}.get(who, 403), (who, url)
    c.post(f"/dialog/{meeting.pk}/noter/{note.pk}/", {"action": "hide"})
    note.refresh_from_db()
    assert note.hidden is (who == "leader")
    api = c.get(f"/api/v1/meetings/{meeting.pk}/notes").status_code
    assert api == {"leader": 200, "anonymous": 401}.get(who, 403)


def test_polls_single_and_multiple_choice_with_live_results(client_as, client, meeting):
    board = client_as("leader")
    board.post(
        f"/dialog/{meeting.pk}/afstemninger/",
        {"question": "Hvad skal vi kalde det?", "options": "aktørskab\nmedledelse\nhandlekraft"},
    )
    poll = Poll.objects.get()
    options = list(poll.options.all())
    client.post(f"/m/{meeting.join_code}/afstemninger/{poll.pk}/", {"option": [options[2].pk]})
    client.post(
        f"/m/{meeting.join_code}/afstemninger/{poll.pk}/", {"option": [options[1].pk]}
    )  # changes the vote
    Client().post(
        f"/m/{meeting.join_code}/afstemninger/{poll.pk}/", {"option": [options[1].pk, options[2].pk]}
    )
    counts = {o.text: o.votes.count() for o in poll.options.all()}
    assert counts == {
        "aktørskab": 0,
        "medledelse": 1,
        "handlekraft": 0,
    }  # two choices refused on single choice
    page = board.get(f"/dialog/{meeting.pk}/aendringer/?rev=0").content.decode()
    assert "medledelse" in page and "100 %" in page


def test_csv_and_docx_exports_hold_every_note(client_as, client, meeting):
    participant_post(client, meeting, "Tydelige hjørneflag, tillid og psykologisk tryghed", client_id="1")
    participant_post(client, meeting, "Sænk tempoet", column=meeting.column_keys[2], client_id="2")
    Note.objects.filter(text="Sænk tempoet").update(way_forward=True)
    board = client_as("leader")
    csv_text = board.get(f"/dialog/{meeting.pk}/noter.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "kolonne,gruppe,note,vejen_videre,skjult,fornavn,tidspunkt"
    assert "Sænk tempoet" in csv_text and "Det, vi skal være opmærksomme på" in csv_text
    document = Document(io.BytesIO(board.get(f"/dialog/{meeting.pk}/noter.docx").content))
    text = [p.text for p in document.paragraphs]
    assert meeting.title in text and "Det, der giver mening" in text and "Vejen videre" in text
    assert text.count("Sænk tempoet") == 2  # in its column and under "Vejen videre"


def test_closing_a_meeting(client_as, meeting):
    client_as("leader").post(f"/dialog/{meeting.pk}/status/", {"action": "close"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED


@pytest.mark.parametrize("url", ["board", "changes", "projector", "participant", "meetings"])
def test_pages_cost_at_most_ten_queries(client_as, client, meeting, url, django_assert_max_num_queries):
    for n in range(30):
        participant_post(Client(), meeting, f"Note {n}", client_id=f"n{n}")
    NoteGroup.objects.create(meeting=meeting, name="Gruppe", column=meeting.column_keys[0])
    c = client if url == "participant" else client_as("leader")
    if url == "participant":
        participant_post(c, meeting, "Min egen", client_id="own")
    path = {
        "board": f"/dialog/{meeting.pk}/",
        "changes": f"/dialog/{meeting.pk}/aendringer/?rev=0",
        "projector": f"/dialog/{meeting.pk}/skaerm/",
        "participant": f"/m/{meeting.join_code}/",
        "meetings": "/dialog/",
    }[url]
    with django_assert_max_num_queries(10):
        assert c.get(path).status_code == 200


class TestAPI:
    def test_create_and_close_a_meeting(self, client_as, cast):
        client = client_as("leader")
        created = client.post(
            "/api/v1/meetings", json.dumps({"title": "LMU", "unit": "D"}), content_type="application/json"
        )
        assert created.status_code == 201
        body = created.json()
        assert set(body) == {"id", "join_code"}
        closed = client.post(f"/api/v1/meetings/{body['id']}/close")
        assert closed.status_code == 200 and Meeting.objects.get().status == "lukket"
        refused = client_as("employee").post(
            "/api/v1/meetings", json.dumps({"title": "X", "unit": "D"}), content_type="application/json"
        )
        assert refused.status_code == 403

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


def test_the_projector_shows_the_code_and_a_qr_code_made_on_the_server(client_as, meeting):
    page = client_as("leader").get(f"/dialog/{meeting.pk}/skaerm/").content.decode()
    assert meeting.join_code in page and f"/m/{meeting.join_code}/" in page
    assert "<svg" in page and "QR-kode til mødet" in page


def test_a_facilitator_adds_another_who_then_sees_the_board(client_as, cast, meeting):
    client_as("leader").post(f"/dialog/{meeting.pk}/facilitatorer/", {"email": cast.employee.email})
    assert client_as("employee").get(f"/dialog/{meeting.pk}/").status_code == 200
    page = client_as("leader").post(
        f"/dialog/{meeting.pk}/facilitatorer/", {"email": "ukendt@test.dk"}, follow=True
    )
    assert "Der er ingen medarbejder med den e-mail." in page.content.decode()


def test_the_demo_holds_the_seeds_workshop_and_an_open_meeting(demo_org):
    workshop = Meeting.objects.get(title="Workshop og HU-temadag om styrket aktørskab")
    assert workshop.status == "lukket" and workshop.committee.kind == "HU"
    texts = set(workshop.notes.values_list("text", flat=True))
    assert "Tryghed til at prøve nyt – det er ok at fejle" in texts
    assert "Hvor kan ledere give slip – og stadig sikre retning?" in texts
    assert "Sænk tempoet" in texts
    assert {n.column for n in workshop.notes.all()} == {"mening", "svar", "opmaerksom"}
    naming = workshop.polls.get()
    assert [o.text for o in naming.options.all()] == [
        "aktørskab",
        "medledelse",
        "samledelse",
        "virkelyst",
        "handlekraft",
    ]
    open_meeting = Meeting.objects.get(join_code="SOL234")
    assert open_meeting.status == "aaben" and "http://127.0.0.1:8000/m/SOL234/" in demo_org.notes[0]


def test_a_closed_board_stops_polling_and_reloads_after_a_change(client_as, client, meeting):
    participant_post(client, meeting, "En note")
    note = Note.objects.get()
    board = client_as("leader")
    assert "every 2s" in board.get(f"/dialog/{meeting.pk}/").content.decode()
    board.post(f"/dialog/{meeting.pk}/status/", {"action": "close"})
    assert "every 2s" not in board.get(f"/dialog/{meeting.pk}/").content.decode()
    response = board.post(
        f"/dialog/{meeting.pk}/noter/{note.pk}/", {"action": "forward"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 204 and response["HX-Refresh"] == "true"


def test_two_facilitators_editing_a_meeting_never_overwrite_each_other(client_as, cast, meeting):
    meeting.facilitators.add(cast.tr)
    url = f"/dialog/{meeting.pk}/rediger/"
    page = client_as("leader").get(url)
    form = page.context["form"]
    opened = {name: form.initial.get(name, field.initial) or "" for name, field in form.fields.items()}
    assert opened["version"] == 1
    # Meanwhile the meeting is closed (status, not settings): a save of the settings keeps that.
    Meeting.objects.filter(pk=meeting.pk).update(status="lukket")
    assert client_as("leader").post(url, {**opened, "title": "Aktørskab hos os"}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status, meeting.version) == ("Aktørskab hos os", "lukket", 2)
    # The TR opened the form before the leader saved: the TR's save shows the conflict and keeps the text.
    second = client_as("tr").post(url, {**opened, "title": "Vores aktørskab"})
    html = second.content.decode()
    assert second.status_code == 200 and "Mødet er blevet ændret, mens du skrev" in html
    assert "Aktørskab hos os" in html and 'value="Vores aktørskab"' in html
    meeting.refresh_from_db()
    assert meeting.title == "Aktørskab hos os"
