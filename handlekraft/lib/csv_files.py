"""Reading the CSV files people import (units, people, the råderum): all rows or none.

Each bad row is reported as "linje N: reason" ("line N" in English; N counts the header as line 1); a
file with any error is not written at all. Files are UTF-8 (with or without the BOM that Excel writes),
separated by commas or by semicolons (what Danish Excel writes); a cell our own export wrote as text
("'=…", see lib/documents.csv_cell) reads back as it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext as _

from .clean import clean_text
from .documents import FORMULA_START


class ImportFailed(Exception):
    """The files hold errors; nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _unescaped(cell: str) -> str:
    """A cell our own export wrote as text ("'=…", see lib/documents.csv_cell) reads as it was."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def delimiter_of(text: str) -> str:
    """ ";" when the header row is separated by semicolons (Danish Excel's "CSV"), else ","."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_rows(
    text: str, columns: list[str], errors: list[str], label: str, optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict]]:
    """Yields (line number, row) for each data row; header problems go to `errors`. Each `optional`
    column the header lacks reads as empty."""
    text = clean_text(text.removeprefix("\ufeff"))
    delimiter = delimiter_of(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        message = _("linje 1: %(file)s mangler kolonnen/kolonnerne %(missing)s (forventet: %(expected)s)") % {
            "file": label,
            "missing": ", ".join(missing),
            "expected": delimiter.join(columns),
        }
        if delimiter == ";":
            message += " " + _("Filen er læst med semikolon som skilletegn.")
        errors.append(message)
        return
    line = 1
    for row in reader:
        start, line = line + 1, reader.line_num
        if None in row:
            errors.append(_("linje %(n)d: for mange felter i rækken") % {"n": start})
            continue
        if all(not (v or "").strip() for v in row.values()):
            continue
        cells = {k: _unescaped((v or "").strip()) for k, v in row.items()}
        yield start, dict.fromkeys(optional, "") | cells


def line_of(error: str) -> int:
    """The line number an error message begins with ("linje 7: …" or "line 7: …"), for sorting."""
    head = error.split(":", 1)[0].split(" ")[-1]
    return int(head) if head.isdigit() else 0


def decode(data: bytes | str, label: str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            [_("linje %(n)d: %(file)s er ikke gemt som UTF-8") % {"n": line, "file": label}]
        ) from exc
