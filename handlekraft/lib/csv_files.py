"""Reading the CSV files people import (units, people, the råderum): all rows or none.

Each bad row is reported as "line N: reason" (N counts the header as line 1); a file with any error is
not written at all. Files are UTF-8 (with or without the BOM that Excel writes); a cell our own export
wrote as text ("'=…", see lib/documents.csv_cell) reads back as it was.
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


def read_rows(text: str, columns: list[str], errors: list[str], label: str) -> Iterator[tuple[int, dict]]:
    """Yields (line number, row) for each data row; header problems go to `errors`."""
    text = clean_text(text.removeprefix("\ufeff"))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        errors.append(
            _("line 1: %(file)s mangler kolonnen/kolonnerne %(missing)s (forventet: %(expected)s)")
            % {"file": label, "missing": ", ".join(missing), "expected": ",".join(columns)}
        )
        return
    line = 1
    for row in reader:
        start, line = line + 1, reader.line_num
        if None in row:
            errors.append(_("line %(n)d: for mange felter i rækken") % {"n": start})
            continue
        if all(not (v or "").strip() for v in row.values()):
            continue
        yield start, {k: _unescaped((v or "").strip()) for k, v in row.items()}


def decode(data: bytes | str, label: str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            [_("line %(n)d: %(file)s er ikke gemt som UTF-8") % {"n": line, "file": label}]
        ) from exc
