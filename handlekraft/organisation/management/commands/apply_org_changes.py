from __future__ import annotations

from django.core.management.base import BaseCommand

from handlekraft.organisation.lifecycle import apply_due_changes


class Command(BaseCommand):
    help = (
        "Kør én gang i døgnet: roller med en startdato i dag begynder, roller efter deres slutdato ophører, "
        "og konti for personer, der er fratrådt, lukkes."
    )

    def handle(self, *args, **options):
        self.stdout.write(apply_due_changes().summary())
