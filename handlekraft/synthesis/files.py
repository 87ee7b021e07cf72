"""NOTES.csv in, THEMES.json out (DESIGN §5): the file contract of `manage.py synthesize`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from .engine import Note, Theme


class BadFile(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def read_notes(path: Path) -> list[Note]:
    """`id,text` and optionally `meeting,column`; UTF-8 (a BOM is fine). All rows, or an error per bad row."""
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"id", "text"} - set(reader.fieldnames or [])
        if missing:
            raise BadFile([f"line 1: the header must hold {', '.join(sorted(missing))}"])
        notes, errors, seen = [], [], set()
        for line, row in enumerate(reader, start=2):
            note_id, text = (row.get("id") or "").strip(), (row.get("text") or "").strip()
            if not note_id:
                errors.append(f"line {line}: id is empty")
            elif note_id in seen:
                errors.append(f"line {line}: id {note_id} appears twice")
            elif not text:
                errors.append(f"line {line}: text is empty")
            else:
                seen.add(note_id)
                notes.append(
                    Note(
                        id=note_id,
                        text=row["text"],  # verbatim: quotes must be the note exactly as written
                        meeting=(row.get("meeting") or "").strip(),
                        column=(row.get("column") or "").strip(),
                    )
                )
    if errors:
        raise BadFile(errors)
    return notes


def write_themes(themes: list[Theme], path: Path) -> None:
    data = {"themes": [{"label": t.label, "note_ids": t.note_ids, "quotes": t.quotes} for t in themes]}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
