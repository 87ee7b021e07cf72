from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "handlekraft.plan"
    label = "plan"
    verbose_name = _("Plan og opfølgning")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register("plan", own.sections, own.erase)
        from handlekraft.notifications.kinds import register

        register("follow_up_assigned", _("Når jeg bliver ansvarlig for et opfølgningspunkt"))
        register("follow_up_reminder", _("Når et af mine opfølgningspunkter har overskredet fristen"))
        from . import panels, signals  # noqa: F401 (follow-up sections on meetings and action plans; onboarding)
