"""The Django admin is HR's tool: HR (and a technical superuser) get in, nobody else."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class HandlekraftAdminSite(admin.AdminSite):
    site_header = _("handlekraft – administration")
    site_title = _("handlekraft – administration")
    index_title = _("Administration for HR")

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("organisation.use_admin")

    def login(self, request, extra_context=None):
        # One login page for everyone: the site's own, with lockout and SSO.
        from django.contrib.auth.views import redirect_to_login
        from django.core.exceptions import PermissionDenied

        if request.user.is_authenticated:
            raise PermissionDenied  # signed in, but not HR: a clear 403, not a login loop
        return redirect_to_login(request.GET.get("next", request.get_full_path()))


class HRAdminBackend:
    """Gives HR the model permissions the admin asks for, for the apps HR maintains."""

    HR_APPS = {"organisation", "notifications", "jobs", "django_tasks_db", "pulse", "plan"}

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        from handlekraft.organisation.rules import is_hr

        return perm.split(".", 1)[0] in self.HR_APPS and is_hr(user)

    def has_module_perms(self, user, app_label: str) -> bool:
        from handlekraft.organisation.rules import is_hr

        return app_label in self.HR_APPS and is_hr(user)
