"""Background work of the plan: fresh figures for the HU page, and reminders of overdue follow-up items."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from handlekraft.jobs.models import Job
from handlekraft.notifications.services import notify

from . import status
from .models import FollowUp

REMIND_EVERY = timedelta(days=7)


def queue_refresh(by) -> Job:
    """Computes the figures in the background once the transaction commits; the Job shows the progress."""
    job = Job.objects.create(title=_("Statustal for aktørskab"), created_by=by)
    transaction.on_commit(lambda: refresh_status.enqueue(str(job.pk)))
    return job


@task()
def refresh_status(job_id: str) -> None:
    """HR's "Beregn tallene nu" (the nightly run calls `status.compute()` through its command)."""
    job = Job.objects.get(pk=job_id)
    job.report(0, message=_("Tæller"))
    try:
        status.compute()
    except Exception:
        job.fail(_("Tallene kunne ikke beregnes. De forrige tal vises stadig."))
        raise
    job.succeed(_("Tallene på statussiden er opdateret."))


def remind_overdue(today=None) -> int:
    """Tells each owner of an overdue item, at most once a week per item. Returns how many were told."""
    today = today or timezone.localdate()
    due = (
        FollowUp.objects.exclude(status=FollowUp.Status.DONE)
        .filter(due__lt=today)
        .exclude(reminded_on__gt=today - REMIND_EVERY)
        .select_related("owner", "forum")
    )
    items = list(due)
    for item in items:
        notify(
            [item.owner],
            "follow_up_reminder",
            gettext_lazy("Et opfølgningspunkt har overskredet fristen"),
            f"{item.title} ({item.forum.name}, {item.due:%d.%m.%Y})",
            item.get_absolute_url(),
        )
    FollowUp.objects.filter(pk__in=[i.pk for i in items]).update(reminded_on=today)
    return len(items)
