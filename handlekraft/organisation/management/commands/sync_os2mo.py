from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from handlekraft.lib.csv_files import ImportFailed
from handlekraft.organisation.os2mo import OS2moUnavailable, sync


class Command(BaseCommand):
    help = (
        "Henter enheder, personer og roller fra OS2mo (GraphQL v25) og gemmer dem, alt eller intet. "
        "Kør den hver nat før apply_org_changes."
    )

    def handle(self, *args, **options):
        if not (settings.OS2MO_URL and settings.OS2MO_TOKEN_URL and settings.OS2MO_CLIENT_ID):
            raise CommandError(
                "OS2MO_URL, OS2MO_TOKEN_URL og OS2MO_CLIENT_ID skal være sat (se docs/admin.md)."
            )
        try:
            result = sync()
        except OS2moUnavailable as exc:
            raise CommandError(f"{exc} Intet er ændret.", returncode=2) from None
        except ImportFailed as failed:
            for error in failed.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(failed.errors)} fejl i data fra OS2mo; intet er ændret.", returncode=1
            ) from None
        self.stdout.write(result.summary())
