from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PulseConfig(AppConfig):
    name = "handlekraft.pulse"
    label = "pulse"
    verbose_name = _("Måling")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register("pulse", own.sections, getattr(own, "erase", None), getattr(own, "retain", None))
        from handlekraft.notifications.kinds import register

        register(
            "pulse_result", _("Når resultatet af en måling er klar til dialog i min enhed (leder, TR og AMR)")
        )
