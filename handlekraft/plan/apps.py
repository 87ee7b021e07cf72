from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "handlekraft.plan"
    label = "plan"
    verbose_name = _("Plan og opfølgning")

    def ready(self) -> None:
        from . import panels, signals  # noqa: F401 (follow-up sections on meetings and action plans; onboarding)
