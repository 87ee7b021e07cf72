"""The opsamling runs as a background task (`manage.py db_worker`), reporting its progress on a Job."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from handlekraft.jobs.models import Job

from . import services
from .models import Summary


@task()
def run_summary(summary_id: int, job_id: str) -> None:
    job = Job.objects.get(pk=job_id)
    summary = Summary.objects.get(pk=summary_id)
    job.report(0, message=_("Læser noterne"))
    try:
        made, kept = services.run(
            summary, progress=lambda done, total, message: job.report(done, total, message)
        )
    except Exception:
        job.fail(_("Opsamlingen stoppede med en uventet fejl. Intet er ændret."))
        raise
    if kept:
        job.succeed(
            _("%(made)s temaer fundet. %(kept)s temaer, du har redigeret, er bevaret.")
            % {"made": made, "kept": kept}
        )
    else:
        job.succeed(_("%(made)s temaer fundet.") % {"made": made})


def queue_run(summary: Summary, by) -> None:
    """Runs the opsamling in the background once the transaction commits; its Job shows the progress."""
    with transaction.atomic():
        job = Job.objects.create(title=_("Opsamling: %(title)s") % {"title": summary.title}, created_by=by)
        Summary.objects.filter(pk=summary.pk).update(job=job)
        summary.job = job
        transaction.on_commit(lambda: run_summary.enqueue(summary.pk, str(job.pk)))
