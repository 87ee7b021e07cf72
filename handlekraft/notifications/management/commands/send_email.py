"""`manage.py send_email`: sends the e-mail that is due in the outbox (every few minutes from a timer), so
mail never waits on a lost task. Prints how many were sent and how many failed (to be tried again)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from handlekraft.notifications.outbox import BATCH, send_due


class Command(BaseCommand):
    help = "Sender de e-mails i udbakken, der venter."

    def handle(self, *args, **options) -> None:
        total_sent = total_failed = 0
        while True:
            sent, failed = send_due()
            total_sent, total_failed = total_sent + sent, total_failed + failed
            if sent + failed < BATCH or sent == 0:
                break
        self.stdout.write(f"Sendt: {total_sent}. Fejlede (prøves igen senere): {total_failed}.")
