"""Run daily (cron or a systemd timer): experiments whose end date has passed go to evaluation,
and their owners are reminded to fill in the learning card."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.experiments.models import Experiment
from handlekraft.notifications.services import notify


class Command(BaseCommand):
    help = (
        "Sender prøvehandlinger, hvis slutdato er passeret, til evaluering og minder ejerne om læringskortet."
    )

    def handle(self, *args, **options):
        due = Experiment.objects.filter(
            status=Experiment.Status.RUNNING, end__lt=timezone.localdate(), reminded_at__isnull=True
        ).prefetch_related("owners")
        count = 0
        for experiment in due:
            experiment.status, experiment.reminded_at = Experiment.Status.EVALUATING, timezone.now()
            experiment.save(update_fields=["status", "reminded_at", "updated"])
            notify(
                experiment.owners.all(),
                "experiment_evaluation",
                format_lazy(_("Tid til at evaluere »{}«"), experiment.title),
                _("Prøvehandlingen er slut. Udfyld læringskortet: hvad troede I, hvad så I, hvad lærte I?"),
                experiment.get_absolute_url(),
            )
            count += 1
        self.stdout.write(f"{count} prøvehandlinger sendt til evaluering.")
