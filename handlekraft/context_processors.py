from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import SiteSettings, User
from handlekraft.organisation.rules import is_hr


def main_menu(request: HttpRequest, user: User) -> list[dict]:
    """The main navigation. Each module adds its entry here as it is built.

    An entry is current when the page's URL name starts with one of its prefixes (within its namespace).
    """
    match = request.resolver_match
    namespace, url_name = getattr(match, "namespace", ""), getattr(match, "url_name", "") or ""
    entries = [
        ("home", _("Forside"), True, ("home",)),
        ("mandates:mine", _("Råderum"), user.primary_unit is not None, ("",)),
        ("stories:feed", _("Historier"), True, ("",)),
        ("dialogue:meetings", _("Dialogmøder"), True, ("",)),
        ("experiments:board", _("Prøvehandlinger"), True, ("board", "create", "detail", "edit")),
        ("experiments:proposals", _("Forenkling"), True, ("proposal",)),
        ("results:surveys", _("Måling"), True, ("",)),
        ("plan:timeline", _("Plan"), True, ("",)),
        ("organisation", _("Organisation"), True, ("organisation", "unit", "committee")),
        ("profile", _("Min profil"), True, ("profile",)),
        ("admin:index", _("Administration"), is_hr(user), ("",)),
    ]
    menu = []
    for name, label, visible, prefixes in entries:
        if not visible:
            continue
        entry_namespace = name.split(":")[0] if ":" in name else ""
        current = entry_namespace == namespace and any(url_name.startswith(p) for p in prefixes)
        menu.append({"url": reverse(name), "label": label, "current": current})
    return menu


def site(request: HttpRequest) -> dict:
    context = {"site_settings": SiteSettings.current(), "oidc_enabled": settings.OIDC_ENABLED}
    user = getattr(request, "user", None)
    if isinstance(user, User) and user.is_authenticated:
        context["main_menu"] = main_menu(request, user)
        context["unread_notifications"] = Notification.objects.unread_count(user)
    return context
