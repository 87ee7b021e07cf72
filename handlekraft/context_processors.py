from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import SiteSettings
from handlekraft.organisation.rules import is_hr


def main_menu(request: HttpRequest) -> list[dict]:
    """The main navigation. Each module adds its entry here as it is built."""
    current = getattr(request.resolver_match, "url_name", None)
    namespace = getattr(request.resolver_match, "namespace", None)
    entries = [
        ("home", _("Forside"), True),
        ("mandates:mine", _("Råderum"), request.user.primary_unit is not None),
        ("experiments:board", _("Prøvehandlinger"), True),
        ("experiments:proposals", _("Forenkling"), True),
        ("organisation", _("Organisation"), True),
        ("profile", _("Min profil"), True),
        ("admin:index", _("Administration"), is_hr(request.user)),
    ]
    return [
        {
            "url": reverse(name),
            "label": label,
            "current": current == name.split(":")[-1]
            or (namespace == name.split(":")[0] and name != "admin:index"),
        }
        for name, label, visible in entries
        if visible
    ]


def site(request: HttpRequest) -> dict:
    context = {"site_settings": SiteSettings.current(), "oidc_enabled": settings.OIDC_ENABLED}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["main_menu"] = main_menu(request)
        context["unread_notifications"] = Notification.objects.unread_count(user)
    return context
