"""Background tasks of the organisation app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django_tasks import task

from handlekraft.jobs.models import Job
from handlekraft.lib.csv_files import ImportFailed
from handlekraft.notifications.services import notify

from .importing import import_org


@task()
def import_org_job(job_id: str) -> None:
    """Runs an import that HR uploaded in the admin; the files wait on the Job row."""
    job = Job.objects.get(pk=job_id)
    job.report(0, message=_("Kontrollerer filerne"))
    try:
        result = import_org(
            job.input["units"],
            job.input.get("people"),
            deactivate_missing=job.input.get("deactivate_missing", False),
            progress=lambda done, total, message: job.report(done, total, message),
        )
    except ImportFailed as failed:
        job.fail(_("Intet er importeret. Ret disse fejl og prøv igen:") + "\n" + "\n".join(failed.errors))
    except Exception:
        job.fail(_("Importen stoppede med en uventet fejl. Intet er importeret."))
        raise
    else:
        job.succeed(result.summary())
    finally:
        # The uploaded files hold personal data: keep them no longer than the import needs.
        Job.objects.filter(pk=job.pk).update(input={})
    if job.created_by:
        title = format_lazy("{}: {}", job.title, job.get_status_display())
        notify([job.created_by], "job_finished", title, job.result, job.get_absolute_url())
