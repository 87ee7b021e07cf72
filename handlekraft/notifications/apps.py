from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "handlekraft.notifications"
    label = "notifications"
    verbose_name = _("Notifikationer")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register(
            "notifications", own.sections, getattr(own, "erase", None), getattr(own, "retain", None)
        )
