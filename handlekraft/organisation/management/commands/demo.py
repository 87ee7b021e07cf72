from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from handlekraft.organisation import demo
from handlekraft.organisation.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Bygger demokommunen »Eksempel Kommune«. Kan køres igen. Kun med DEBUG slået til."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo kører kun med DEBUG=1: demokontiene har en kendt adgangskode og hører ikke til i drift."
            )
        with transaction.atomic():
            org = demo.build_all()
        self.stdout.write(self.style.SUCCESS("Demokommunen »Eksempel Kommune« er klar."))
        self.stdout.write(f"Log ind på http://127.0.0.1:8000 med en af disse (adgangskode: {DEMO_PASSWORD}):")
        for email, name, roles in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<26} {name}, {', '.join(str(r.label) for _u, r in roles)}")
        for line in org.notes:
            self.stdout.write(line)
