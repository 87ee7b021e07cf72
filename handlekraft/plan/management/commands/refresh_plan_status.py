"""Run nightly (cron or a systemd timer): compute the figures of the HU page "Status på aktørskab"."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from handlekraft.plan import status


class Command(BaseCommand):
    help = "Beregner tallene til statussiden for aktørskab (kør hver nat)."

    def handle(self, *args, **options):
        snapshot = status.compute()
        self.stdout.write(f"Statustallene er beregnet ({snapshot.computed_at:%d.%m.%Y %H:%M}).")
