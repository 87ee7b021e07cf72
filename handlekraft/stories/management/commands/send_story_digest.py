"""Run weekly (cron or a systemd timer): queue the e-mail digest of new stories. Sent once per week."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from handlekraft.stories.digest import current_week, send_story_digests


class Command(BaseCommand):
    help = "Sætter ugens e-mail med nye historier i kø til baggrundsarbejderen (højst én gang pr. uge)."

    def add_arguments(self, parser):
        parser.add_argument("--week", default="", help="ISO-uge, fx 2026-W48 (standard: denne uge)")

    def handle(self, *args, week: str = "", **options):
        result = send_story_digests.enqueue(week or current_week())
        self.stdout.write(f"Ugens e-mail med nye historier er sat i kø ({result.id}).")
