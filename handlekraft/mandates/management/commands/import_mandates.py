from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handlekraft.lib.csv_files import ImportFailed
from handlekraft.mandates.importing import import_mandates


class Command(BaseCommand):
    help = "Importerer beslutningsområder fra MANDATES.csv. Alle rækker eller ingen."

    def add_arguments(self, parser):
        parser.add_argument("mandates", type=Path)

    def handle(self, *args, mandates: Path, **options):
        try:
            data = mandates.read_bytes()
        except OSError as exc:
            raise CommandError(f"kan ikke læse {exc.filename}: {exc.strerror}") from exc
        try:
            result = import_mandates(data)
        except ImportFailed as failed:
            for error in failed.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(failed.errors)} fejl; intet er importeret.", returncode=1) from None
        self.stdout.write(result.summary())
