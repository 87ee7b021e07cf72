from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from handlekraft.lib.http import HtmxRequest

from .models import Notification


@login_required
def notification_list(request: HtmxRequest) -> HttpResponse:
    page = Paginator(Notification.objects.filter(recipient_id=request.user.pk), 25).get_page(
        request.GET.get("side")
    )
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def open_notification(request: HtmxRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(Notification, pk=pk, recipient_id=request.user.pk)
    if note.read is None:
        Notification.objects.filter(pk=note.pk).mark_read()
    if note.url and url_has_allowed_host_and_scheme(note.url, {request.get_host()}):
        return redirect(note.url)
    return redirect("notifications")


@login_required
@require_POST
def mark_all_read(request: HtmxRequest) -> HttpResponse:
    Notification.objects.filter(recipient_id=request.user.pk).mark_read()
    return redirect("notifications")
