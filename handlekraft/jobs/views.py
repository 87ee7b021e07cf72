from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from handlekraft.lib.http import HtmxRequest

from .models import Job
from .rules import can_view_job


@login_required
def job_detail(request: HtmxRequest, pk) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    if not can_view_job(request.user, job):
        raise PermissionDenied
    template = "jobs/progress.html#progress" if request.htmx else "jobs/job.html"
    return render(request, template, {"job": job})
