from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    name = "handlekraft.mandates"
    label = "mandates"
    verbose_name = _("Råderum")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register("mandates", own.sections, getattr(own, "erase", None), getattr(own, "retain", None))
        from handlekraft.notifications.kinds import register

        register("mandate_question", _("Når en medarbejder spørger om råderummet (ledere)"))
        register("mandate_answer", _("Når mit spørgsmål om råderummet er besvaret"))
