from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "handlekraft.plan"
    label = "plan"
    verbose_name = _("Plan og opfølgning")

    def ready(self) -> None:
        from . import signals  # noqa: F401 (a new leader starts onboarding)
