"""manage.py synthesize NOTES.csv --out THEMES.json [--granularity 0..1] (DESIGN §5)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handlekraft.synthesis.engine import synthesize
from handlekraft.synthesis.files import BadFile, read_notes, write_themes


class Command(BaseCommand):
    help = "Finder temaer i noter fra dialogmøder: NOTES.csv (id,text[,meeting,column]) → THEMES.json."

    def add_arguments(self, parser):
        parser.add_argument("notes", type=Path)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--granularity", type=float, default=0.5)

    def handle(self, *args, notes: Path, out: Path, granularity: float, **options):
        if not 0 <= granularity <= 1:
            raise CommandError("--granularity skal ligge mellem 0 og 1")
        try:
            read = read_notes(notes)
        except BadFile as bad:
            raise CommandError("\n".join(bad.errors)) from None
        except FileNotFoundError:
            raise CommandError(f"Filen {notes} findes ikke.") from None
        themes = synthesize(read, granularity)
        write_themes(themes, out)
        self.stdout.write(f"{len(themes)} temaer fra {len(read)} noter skrevet til {out}.")
