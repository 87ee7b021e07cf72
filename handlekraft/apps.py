from django.contrib.admin.apps import AdminConfig


class HandlekraftAdminConfig(AdminConfig):
    """The Django admin with handlekraft's own site: HR only."""

    default_site = "handlekraft.admin_site.HandlekraftAdminSite"
