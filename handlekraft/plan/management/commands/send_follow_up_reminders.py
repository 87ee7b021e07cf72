"""Run daily (cron or a systemd timer): remind the owners of overdue follow-up items (once a week each)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from handlekraft.plan.tasks import remind_overdue


class Command(BaseCommand):
    help = "Minder de ansvarlige om opfølgningspunkter, hvis frist er overskredet (højst én gang om ugen)."

    def handle(self, *args, **options):
        count = remind_overdue()
        self.stdout.write(f"{count} påmindelser sendt.")
