from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from handlekraft.lib.http import HtmxRequest

from . import unsubscribe
from .kinds import KINDS
from .models import EmailPreference, Notification


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


# The one-click address of RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` without cookies or a
# CSRF token, so the signed token in the address is what authorises it. GET only shows the page with a
# button (link scanners that open every link must not turn anything off).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_email(request: HttpRequest, token: str) -> HttpResponse:
    user_id, kind = unsubscribe.read(token) or (0, "")
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if kind in KINDS else None
    if user is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        EmailPreference.choose(user, {kind: False})
    return render(
        request, "notifications/unsubscribe.html", {"kind_label": KINDS[kind], "done": done, "token": token}
    )
