"""The meeting's notes exported as CSV and Word: every note, in its column and group."""

from __future__ import annotations

import io

from docx import Document

from handlekraft.dialogue.models import (
    Note,
)

from .conftest import participant_post


def test_csv_and_docx_exports_hold_every_note(client_as, client, meeting):
    participant_post(client, meeting, "Tydelige hjørneflag, tillid og psykologisk tryghed", client_id="1")
    participant_post(client, meeting, "Sænk tempoet", column=meeting.column_keys[2], client_id="2")
    Note.objects.filter(text="Sænk tempoet").update(way_forward=True, report_mark="barriers")
    board = client_as("leader")
    raw = board.get(f"/dialog/{meeting.pk}/noter.csv").content
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    csv_text = raw.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "kolonne;gruppe;note;vejen_videre;skjult;fornavn;tidspunkt;opsamling"
    assert "Sænk tempoet" in csv_text and "Det, vi skal være opmærksomme på" in csv_text
    document = Document(io.BytesIO(board.get(f"/dialog/{meeting.pk}/noter.docx").content))
    text = [p.text for p in document.paragraphs]
    assert meeting.title in text and "Det, der giver mening" in text and "Vejen videre" in text
    assert text.count("Sænk tempoet") == 3  # in its column, under "Vejen videre" and its section
    assert text.index("Potentielle barrierer") > text.index("Vejen videre")
    assert "Når vi lykkes" not in text  # no section without marked notes
    assert csv_text.splitlines()[-1].endswith(";Potentielle barrierer")
