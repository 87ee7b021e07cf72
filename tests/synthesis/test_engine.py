"""The theme engine's invariants, and `manage.py synthesize` exactly as DESIGN §5 describes it."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from handlekraft.synthesis.engine import Note, synthesize, theme_count

GOLD = Path(__file__).resolve().parents[2] / "bench" / "gold"


def gold_notes(name: str = "lmu_aktoerskab") -> list[Note]:
    with (GOLD / f"{name}.csv").open(encoding="utf-8") as f:
        return [Note(id=r["id"], text=r["text"]) for r in csv.DictReader(f)]


def every_gold_set() -> list[list[Note]]:
    """The development and the test split (bench/gold/, bench/gold/test/)."""
    paths = sorted(GOLD.glob("*.csv")) + sorted((GOLD / "test").glob("*.csv"))
    assert len(paths) >= 7
    sets = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            sets.append([Note(id=r["id"], text=r["text"]) for r in csv.DictReader(f)])
    return sets


def test_a_themes_name_is_a_short_phrase_of_whole_words_from_its_notes_never_a_stop_word_or_a_list():
    import stopwordsiso

    stop = stopwordsiso.stopwords("da")  # a general Danish list, not ours
    for notes in every_gold_set():
        texts = {n.id: n.text for n in notes}
        for theme in synthesize(notes):
            name = theme.label
            written = {w.lower() for i in theme.note_ids for w in re.findall(r"[\w-]+", texts[i])}
            parts = name.lower().split()
            assert 1 <= len(parts) <= 4 and "," not in name, name  # a phrase, not a list of three
            assert all(p in written for p in parts), name  # whole words of its own notes, no bare stems
            assert parts[0] not in stop and parts[-1] not in stop, name
            assert name[0].isupper(), name


def test_every_note_is_in_exactly_one_primary_theme_and_quotes_are_verbatim():
    notes = gold_notes()
    themes = synthesize(notes)
    ids = [i for t in themes for i in t.note_ids]
    assert sorted(ids) == sorted(n.id for n in notes)
    texts = {n.id: n.text for n in notes}
    for theme in themes:
        assert theme.label and 1 <= len(theme.quotes) <= 2
        assert all(q in [texts[i] for i in theme.note_ids] for q in theme.quotes)  # verbatim, from the theme
        assert not set(theme.also_ids) & set(theme.note_ids)  # a second theme is another theme


def test_the_same_input_gives_the_same_output():
    first = synthesize(gold_notes("amr_opfoelgning"))
    second = synthesize(gold_notes("amr_opfoelgning"))
    assert [(t.label, t.note_ids, t.quotes) for t in first] == [
        (t.label, t.note_ids, t.quotes) for t in second
    ]


def test_notes_about_the_same_thing_in_different_words_meet():
    notes = [
        Note("1", "Vi når ikke pauserne"),
        Note("2", "Arbejdspresset er steget det sidste år"),
        Note("3", "For mange tunge løft uden hjælpemidler"),
        Note("4", "Liften har været i stykker i ugevis"),
    ]
    themes = synthesize(notes, granularity=0.2)
    grouping = sorted(sorted(t.note_ids) for t in themes)
    assert grouping == [["1", "2"], ["3", "4"]]


def test_empty_and_one_note_inputs_work():
    assert synthesize([]) == []
    [theme] = synthesize([Note("a", "Sænk tempoet")])
    assert theme.note_ids == ["a"] and theme.quotes == ["Sænk tempoet"]


def test_facilitators_groups_stay_together():
    notes = [
        Note(n.id, n.text, hint="Vores egen gruppe" if n.id in {"1", "27", "45"} else "")
        for n in gold_notes()
    ]
    themes = synthesize(notes)
    holding = [t for t in themes if {"1", "27", "45"} & set(t.note_ids)]
    assert len(holding) == 1


def test_granularity_gives_fewer_or_more_themes():
    notes = gold_notes()
    assert len(synthesize(notes, 0.0)) < len(synthesize(notes, 0.5)) < len(synthesize(notes, 1.0))
    assert theme_count(48, 0.5) == 9


def test_columns_are_grouped_separately():
    notes = [Note(str(i), f"Tillid og tid {i}", column="a" if i % 2 else "b") for i in range(10)]
    for theme in synthesize(notes):
        assert len({n.column for n in notes if n.id in theme.note_ids}) == 1


def test_manage_synthesize_writes_themes_json(tmp_path):
    source = tmp_path / "NOTES.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "meeting", "column"])
        for note in gold_notes("amr_opfoelgning"):
            writer.writerow([note.id, note.text, "OMU", "opmaerksom"])
    out = tmp_path / "THEMES.json"
    call_command("synthesize", str(source), "--out", str(out), "--granularity", "0.5")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"themes"}
    assert all(set(t) == {"label", "note_ids", "quotes"} for t in data["themes"])
    ids = [i for t in data["themes"] for i in t["note_ids"]]
    assert sorted(ids, key=int) == [str(i) for i in range(1, 42)]
    again = tmp_path / "AGAIN.json"
    call_command("synthesize", str(source), "--out", str(again))
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_a_bad_file_is_refused_with_line_numbers_and_writes_nothing(tmp_path):
    source = tmp_path / "NOTES.csv"
    source.write_text("id,text\n1,Tillid\n1,Igen\n3,\n", encoding="utf-8")
    out = tmp_path / "THEMES.json"
    with pytest.raises(CommandError) as error:
        call_command("synthesize", str(source), "--out", str(out))
    assert "line 3: id 1 appears twice" in str(error.value) and "line 4: text is empty" in str(error.value)
    assert not out.exists()
