"""The CSV reader every import shares: line numbers a person can find in their spreadsheet, and nothing
half-read."""

from __future__ import annotations

import pytest

from handlekraft.lib.csv_files import ImportFailed, decode, read_rows

COLUMNS = ["external_id", "name"]


def rows(text: str) -> tuple[list[tuple[int, dict]], list[str]]:
    errors: list[str] = []
    return list(read_rows(text, COLUMNS, errors, "UNITS.csv")), errors


def test_rows_come_with_the_line_they_stand_on_and_blank_rows_are_skipped():
    found, errors = rows("\ufeffexternal_id,name\nK,Kommune\n,\n  A , Område \n")
    assert errors == []
    assert found == [
        (2, {"external_id": "K", "name": "Kommune"}),
        (4, {"external_id": "A", "name": "Område"}),
    ]


def test_a_missing_column_is_reported_on_line_1_with_what_was_expected():
    found, errors = rows("external_id\nK\n")
    assert found == []
    assert errors == ["linje 1: UNITS.csv mangler kolonnen/kolonnerne name (forventet: external_id,name)"]


def test_a_row_with_too_many_fields_is_reported_by_its_line_and_the_others_still_read():
    found, errors = rows("external_id,name\nK,Kommune,ekstra\nA,Område\n")
    assert errors == ["linje 2: for mange felter i rækken"]
    assert found == [(3, {"external_id": "A", "name": "Område"})]


def test_a_quoted_cell_over_several_lines_keeps_the_next_rows_line_numbers_right():
    found, _errors = rows('external_id,name\nK,"Kommune\nmed to linjer"\nA,Område\n')
    assert [line for line, _row in found] == [2, 4]


def test_a_cell_our_export_protected_against_formulas_reads_as_it_was():
    found, _errors = rows("external_id,name\nK,'=SUM(A1)\nA,'almindelig\n")
    assert [row["name"] for _line, row in found] == ["=SUM(A1)", "'almindelig"]


def test_a_file_not_saved_as_utf8_names_the_line_of_the_first_bad_byte():
    with pytest.raises(ImportFailed) as failed:
        decode("external_id,name\nK,Kommune\nA,Område\n".encode("cp1252"), "UNITS.csv")
    assert failed.value.errors == ["linje 3: UNITS.csv er ikke gemt som UTF-8"]
    assert decode("æ".encode(), "UNITS.csv") == "æ"


def test_a_semicolon_file_with_a_wrong_header_says_which_separator_it_was_read_with():
    errors: list[str] = []
    list(read_rows("external_id;navn\nK;Kommune\n", ["external_id", "name"], errors, "UNITS.csv"))
    assert errors == [
        "linje 1: UNITS.csv mangler kolonnen/kolonnerne name (forventet: external_id;name) "
        "Filen er læst med semikolon som skilletegn."
    ]
