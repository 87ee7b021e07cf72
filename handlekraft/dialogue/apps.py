from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "handlekraft.dialogue"
    label = "dialogue"
    verbose_name = _("Dialogmøder")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register("dialogue", own.sections, getattr(own, "erase", None), getattr(own, "retain", None))
