from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from handlekraft.organisation.erasure import apply_retention, erase_due
from handlekraft.organisation.lifecycle import apply_due_changes


class Command(BaseCommand):
    help = (
        "Kør én gang i døgnet: roller med en startdato i dag begynder, roller efter deres slutdato ophører, "
        "konti for personer, der er fratrådt, lukkes, personoplysninger om dem, der stoppede for længere "
        "siden end slettefristen, slettes, og data ældre end opbevaringsperioderne slettes."
    )

    def handle(self, *args, **options):
        self.stdout.write(apply_due_changes().summary())
        self.stdout.write(_("Personer slettet efter slettefristen: %(n)d.") % {"n": erase_due()})
        kept = apply_retention()
        self.stdout.write(
            _(
                "Opbevaring: %(notes)d noter, %(comments)d kommentarer og %(notifications)d notifikationer "
                "slettet."
            )
            % {
                "notes": kept.get("meeting_notes", 0),
                "comments": kept.get("pulse_comments", 0),
                "notifications": kept.get("notifications", 0),
            }
        )
