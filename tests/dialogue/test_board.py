"""The facilitator's live board: only what changed, grouping and marking notes, who sees it, polls, the
projector, and what a page costs."""

from __future__ import annotations

import pytest
from django.test import Client

from handlekraft.dialogue.models import (
    Meeting,
    Note,
    NoteGroup,
    Poll,
)
from tests.conftest import CAST

from .conftest import participant_post


def test_the_board_gets_only_what_changed(client_as, client, meeting):
    board = client_as("leader")
    start = meeting.revision
    participant_post(client, meeting, "Første note", client_id="a")
    participant_post(client, meeting, "Anden note", client_id="b")
    changes = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={start}").content.decode()
    assert "Første note" in changes and "Anden note" in changes
    meeting.refresh_from_db()
    nothing_new = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={meeting.revision}")
    assert nothing_new.status_code == 204 and nothing_new.content == b""  # htmx keeps the board as it is
    participant_post(client, meeting, "Tredje note", client_id="c")
    only_third = board.get(f"/dialog/{meeting.pk}/aendringer/?rev={meeting.revision}").content.decode()
    assert "Tredje note" in only_third and "Første note" not in only_third


def test_nothing_new_is_answered_from_the_cache_without_the_database(
    client_as, client, cast, meeting, django_assert_num_queries
):
    board, path = client_as("leader"), f"/dialog/{meeting.pk}/aendringer/?rev="
    participant_post(client, meeting, "Første note", client_id="a")
    assert "Første note" in board.get(path + "0").content.decode()  # the full check, once
    meeting.refresh_from_db()
    with django_assert_num_queries(0):
        assert board.get(path + str(meeting.revision)).status_code == 204
    participant_post(client, meeting, "Anden note", client_id="b")
    behind = board.get(path + str(meeting.revision))  # the cache knows the new revision at once
    assert behind.status_code == 200 and "Anden note" in behind.content.decode()


def test_the_poll_speaks_the_facilitators_own_language(client_as, client, cast, meeting):
    cast.leader.language = "en"
    cast.leader.save(update_fields=["language"])
    participant_post(client, meeting, "En note", client_id="a")
    changes = client_as("leader").get(f"/dialog/{meeting.pk}/aendringer/?rev=0").content.decode()
    assert ">Hide<" in changes or "Hide " in changes, changes


def test_the_cheap_answer_never_lets_anyone_else_poll(client_as, cast, meeting):
    path = f"/dialog/{meeting.pk}/aendringer/?rev={meeting.revision}"
    assert client_as("leader").get(path).status_code == 200
    for who in ["tr", "employee", "hr"]:
        assert client_as(who).get(path).status_code == 403, who
    assert Client().get(path).status_code == 302


def test_closing_the_meeting_reaches_a_board_that_had_nothing_new(client_as, cast, meeting):
    board, other = client_as("leader"), client_as("hr")
    meeting.facilitators.add(cast.hr)
    path = f"/dialog/{meeting.pk}/aendringer/?rev="
    board.get(path + "0")
    meeting.refresh_from_db()
    assert board.get(path + str(meeting.revision)).status_code == 204
    other.post(f"/dialog/{meeting.pk}/status/", {"action": "close"})
    closed = board.get(path + str(meeting.revision))
    assert closed.status_code == 200 and "hx-get" not in closed.content.decode()


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


def test_a_board_loaded_again_shows_every_change_to_a_note_it_has_rendered_before(
    client_as, client, cast, meeting
):
    participant_post(client, meeting, "Tydelige hjørneflag")
    note = Note.objects.get()
    board, page = client_as("leader"), f"/dialog/{meeting.pk}/"

    def note_markup() -> str:
        html = board.get(page).content.decode()
        return html[html.index(f'id="note-{note.pk}"') :].split("Flyt</a>")[0]  # up to its last action

    assert "Skjul" in note_markup() and "skjult" not in note_markup()  # rendered, and kept rendered
    board.post(f"/dialog/{meeting.pk}/noter/", {"hide": note.pk})
    board.post(f"/dialog/{meeting.pk}/noter/", {"forward": note.pk})
    shown = note_markup()
    assert ">Vis<" in shown and "skjult" in shown and "Fjern fra vejen videre" in shown
    cast.leader.language = "en"
    cast.leader.save(update_fields=["language"])
    assert ">Show<" in client_as("leader").get(page).content.decode()  # the facilitator's own language
    assert "Tydelige hjørneflag" not in board.get(f"/dialog/{meeting.pk}/skaerm/").content.decode()


def test_the_boards_one_shared_form_hides_marks_and_moves_a_note_within_its_column(
    client_as, client, meeting
):
    participant_post(client, meeting, "Tydelige hjørneflag")
    note = Note.objects.get()
    board = client_as("leader")
    here = NoteGroup.objects.create(meeting=meeting, name="Rammer", column=note.column)
    elsewhere = NoteGroup.objects.create(meeting=meeting, name="Andet", column=meeting.column_keys[1])
    shared = f"/dialog/{meeting.pk}/noter/"
    assert board.post(shared, {"hide": note.pk, "move": "", "group": ""}).status_code == 302
    board.post(shared, {"forward": note.pk}, headers={"HX-Request": "true"})
    board.post(shared, {"move": note.pk, "group": elsewhere.pk})  # another column's group: no group
    note.refresh_from_db()
    assert note.hidden and note.way_forward and note.group is None
    board.post(shared, {"move": note.pk, "group": here.pk})  # a drop onto a group of the note's column
    board.post(shared, {"show": note.pk, "move": note.pk, "group": ""})  # a button wins over a stale drop
    note.refresh_from_db()
    assert note.group == here and not note.hidden
    other = Note.objects.create(meeting=Meeting.objects.create(title="Andet møde"), text="x", column="a")
    assert board.post(shared, {"hide": other.pk}).status_code == 404
    assert client_as("employee").post(shared, {"hide": note.pk}).status_code == 403


def test_a_note_is_marked_for_one_section_of_the_opsamling_at_a_time_and_shown_so_on_the_board(
    client_as, client, meeting
):
    participant_post(client, meeting, "Vi tør prøve nyt, når lederen er med")
    note = Note.objects.get()
    board, shared = client_as("leader"), f"/dialog/{meeting.pk}/noter/"

    def note_markup() -> str:
        html = board.get(f"/dialog/{meeting.pk}/").content.decode()
        return html[html.index(f'id="note-{note.pk}"') :].split("Flyt</a>")[0]

    assert ">Når vi lykkes<" in note_markup() and ">Barriere<" in note_markup()
    board.post(shared, {"succeeding": note.pk})
    note.refresh_from_db()
    assert note.report_mark == "succeeding"
    marked = note_markup()
    assert '<p class="board-note__tag">Når vi lykkes</p>' in marked and "Fjern fra Når vi lykkes" in marked
    board.post(shared, {"barriers": note.pk})  # the other mark replaces it
    note.refresh_from_db()
    assert note.report_mark == "barriers" and "Potentielle barrierer</p>" in note_markup()
    board.post(shared, {"unmark": note.pk})
    note.refresh_from_db()
    assert note.report_mark == "" and "board-note__tag" not in note_markup()
    assert client_as("employee").post(shared, {"succeeding": note.pk}).status_code == 403
    exported = board.get(f"/dialog/{meeting.pk}/noter.csv").content.decode("utf-8-sig")
    assert exported.splitlines()[0].endswith(";tidspunkt;opsamling")


def test_moving_by_keyboard_offers_the_groups_of_the_notes_column_inline_or_as_a_page(
    client_as, client, meeting
):
    participant_post(client, meeting, "Tydelige hjørneflag")
    note = Note.objects.get()
    NoteGroup.objects.create(meeting=meeting, name="Rammer", column=note.column)
    NoteGroup.objects.create(meeting=meeting, name="Andet", column=meeting.column_keys[1])
    board, url = client_as("leader"), f"/dialog/{meeting.pk}/noter/{note.pk}/flyt/"
    page = board.get(url).content.decode()
    assert "<h1>Flyt noten til gruppe</h1>" in page and "Rammer" in page and "Andet" not in page
    inline = board.get(url, headers={"HX-Request": "true"}).content.decode()
    assert inline.startswith('<li class="board-note__moving">') and "<html" not in inline
    assert 'value="" checked autofocus' in inline  # the note's present place has the focus
    assert client_as("employee").get(url).status_code == 403


def test_a_note_on_the_board_costs_few_bytes_however_many_groups(client_as, client, meeting):
    board = client_as("leader")
    for i in range(8):
        NoteGroup.objects.create(meeting=meeting, name=f"Gruppe {i}", column=meeting.column_keys[0])
    empty = len(board.get(f"/dialog/{meeting.pk}/").content)
    for i in range(50):
        participant_post(client, meeting, f"Note {i:02d}", client_id=f"c{i}")
    per_note = (len(board.get(f"/dialog/{meeting.pk}/").content) - empty) / 50
    assert per_note < 800, per_note  # was 1.4 KB and more with every group (a group list per note)


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


def test_the_projector_shows_the_code_and_a_qr_code_made_on_the_server(client_as, meeting, settings):
    settings.SITE_URL = "http://192.168.1.23:8000"  # make run HOST=0.0.0.0 sets the machine's address
    page = client_as("leader").get(f"/dialog/{meeting.pk}/skaerm/").content.decode()
    assert meeting.join_code in page and f"http://192.168.1.23:8000/m/{meeting.join_code}/" in page
    assert "<svg" in page and "QR-kode til mødet" in page


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


def test_each_action_on_a_note_is_a_button_of_its_own_described_by_the_note(client_as, client, meeting):
    """Read aloud, "Skjul" and "Til vejen videre" are two buttons about this note, never one phrase."""
    import lxml.html

    participant_post(client, meeting, "Tydelige hjørneflag")
    note = Note.objects.get()
    html = lxml.html.fromstring(client_as("leader").get(f"/dialog/{meeting.pk}/").content)
    (actions,) = html.xpath(f'//li[@id="note-{note.pk}"]//ul[@class="board-note__actions"]')
    assert actions.get("aria-label") == "Handlinger for noten"
    controls = actions.xpath("./li/button | ./li/a")
    assert [c.text_content().strip() for c in controls] == [
        "Skjul",
        "Til vejen videre",
        "Når vi lykkes",
        "Barriere",
        "Flyt",
    ]
    for control in controls:
        assert "button" in control.get("class").split()  # drawn as a button, with its own border
        assert control.get("aria-describedby") == f"note-text-{note.pk}"
    assert html.get_element_by_id(f"note-text-{note.pk}").text_content() == "Tydelige hjørneflag"
    # The code is read as "Mødets kode: SOL…", from the text itself, not from an aria-label on a <p>.
    (code,) = html.xpath('//p[contains(@class, "board-code__code")]')
    assert code.get("aria-label") is None and code.text_content() == f"Mødets kode: {meeting.join_code}"
