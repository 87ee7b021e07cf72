from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handlekraft.lib.csv_files import ImportFailed
from handlekraft.organisation.importing import import_org


class Command(BaseCommand):
    help = "Importerer enheder (UNITS.csv) og eventuelt personer (PEOPLE.csv). Alle rækker eller ingen."

    def add_arguments(self, parser):
        parser.add_argument("units", type=Path, help="UNITS.csv: external_id,name,parent_external_id,kind")
        parser.add_argument("--people", type=Path, help="PEOPLE.csv: email,name,unit_external_id,role")
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Deaktivér personer, der ikke står i PEOPLE.csv (de slettes aldrig).",
        )

    def handle(self, *args, units: Path, people: Path | None, deactivate_missing: bool, **options):
        try:
            units_data = units.read_bytes()
            people_data = people.read_bytes() if people else None
        except OSError as exc:
            raise CommandError(f"kan ikke læse {exc.filename}: {exc.strerror}") from exc
        try:
            result = import_org(units_data, people_data, deactivate_missing=deactivate_missing)
        except ImportFailed as failed:
            for error in failed.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(failed.errors)} fejl; intet er importeret.", returncode=1) from None
        self.stdout.write(result.summary())
