"""The theme engine's own command line (python -m handlekraft.synthesis), without Django."""

from __future__ import annotations

import json

import pytest

from handlekraft.synthesis.__main__ import main

NOTES = """id,text
1,Vi mangler tid til at tale sammen om borgerne
2,Der er for lidt tid til faglig sparring
3,Tiden går med dokumentation i stedet for borgerne
4,Lederen skal give os lov til at prøve noget nyt
5,Vi vil gerne selv bestemme mere i vagtplanen
6,Vi skal have lov til at beslutte selv
"""


def test_it_writes_the_themes_as_json(tmp_path):
    notes, out = tmp_path / "NOTES.csv", tmp_path / "THEMES.json"
    notes.write_text(NOTES, encoding="utf-8")
    assert main([str(notes), "--out", str(out), "--granularity", "0.3"]) == 0
    themes = json.loads(out.read_text(encoding="utf-8"))
    placed = sorted(str(i) for theme in themes["themes"] for i in theme["note_ids"])
    assert placed == ["1", "2", "3", "4", "5", "6"]  # every note in a theme
    assert all(theme["label"] and theme["quotes"] for theme in themes["themes"])


def test_a_bad_file_is_refused_with_its_errors(tmp_path, capsys):
    notes = tmp_path / "NOTES.csv"
    notes.write_text("id,tekst\n1,Ingen kolonne med navnet text\n", encoding="utf-8")
    assert main([str(notes), "--out", str(tmp_path / "THEMES.json")]) == 1
    assert capsys.readouterr().err.strip() != ""
    assert not (tmp_path / "THEMES.json").exists()


def test_granularity_outside_zero_to_one_is_refused(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main([str(tmp_path / "NOTES.csv"), "--out", str(tmp_path / "x.json"), "--granularity", "2"])
    assert exit_.value.code == 2
