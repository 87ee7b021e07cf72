"""The Word documents every export builds: Danish throughout, tables and lists that read well when empty.
Each is saved and opened again with python-docx, as a person's Word would open it."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from handlekraft.lib.documents import add_list, add_table, saved, word_document


def reopened(document):
    return Document(io.BytesIO(saved(document)))


def test_a_document_is_danish_in_its_properties_and_every_style_it_uses():
    document = reopened(word_document("Status på aktørskab"))
    assert document.core_properties.title == "Status på aktørskab"
    assert document.core_properties.language == "da-DK"
    for style in ("Normal", "Heading 1", "Title", "List Bullet", "List Bullet 2"):
        language = document.styles[style].element.get_or_add_rPr().find(qn("w:lang"))
        assert language is not None and language.get(qn("w:val")) == "da-DK", style
    assert document.paragraphs[0].text == "Status på aktørskab"
    assert document.paragraphs[0].style.name == "Title"


def test_the_opening_heading_may_differ_from_the_title():
    document = reopened(word_document("Trivsel 2026", "Trivsel 2026 – Hjemmeplejen"))
    assert document.core_properties.title == "Trivsel 2026"
    assert document.paragraphs[0].text == "Trivsel 2026 – Hjemmeplejen"


def test_a_table_has_its_header_and_shows_a_missing_value_as_a_dash():
    document = word_document("T")
    add_table(document, ["Forhold", "Afdeling"], [["Mening", 72], ["Indflydelse", None]])
    table = reopened(document).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Forhold", "Afdeling"],
        ["Mening", "72"],
        ["Indflydelse", "–"],
    ]


def test_a_list_is_bullets_or_one_sentence_saying_there_is_nothing():
    document = word_document("T")
    add_list(document, ["Flere pauser", "Faste teams"], "Ingen.")
    add_list(document, [], "Der er ingen handlinger endnu.")
    paragraphs = reopened(document).paragraphs[1:]
    assert [(p.text, p.style.name) for p in paragraphs] == [
        ("Flere pauser", "List Bullet"),
        ("Faste teams", "List Bullet"),
        ("Der er ingen handlinger endnu.", "Normal"),
    ]


def test_download_names_keep_danish_letters():
    from urllib.parse import unquote

    from handlekraft.lib.documents import attachment, file_name

    name = file_name("Status på aktørskab – Æblehaven") + ".pdf"
    assert name == "status-på-aktørskab-æblehaven.pdf"
    header = attachment(b"%PDF", name)["Content-Disposition"]
    assert header.startswith("attachment; filename*=utf-8''") and unquote(header.split("''", 1)[1]) == name
