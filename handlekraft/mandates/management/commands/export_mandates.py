from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handlekraft.mandates.importing import export_mandates
from handlekraft.organisation.models import Unit


class Command(BaseCommand):
    help = "Skriver en enheds egne beslutningsområder i samme format som import_mandates."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Enhedens external_id")
        parser.add_argument("--out", type=Path, help="Fil at skrive til (standard: skærmen)")

    def handle(self, *args, unit: str, out: Path | None, **options):
        found = Unit.objects.filter(external_id=unit).first()
        if found is None:
            raise CommandError(f"enheden {unit!r} findes ikke", returncode=1)
        text = export_mandates(found)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
