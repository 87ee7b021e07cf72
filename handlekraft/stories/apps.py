from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "handlekraft.stories"
    label = "stories"
    verbose_name = _("Historier og anerkendelse")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register("stories", own.sections, getattr(own, "erase", None), getattr(own, "retain", None))
        from handlekraft.notifications.kinds import register

        register("story_consent", _("Når en kollega nævner mig i en historie og beder om mit samtykke"))
        register(
            "story_status",
            _("Når min historie bliver offentliggjort, får et nej til samtykke eller bliver skjult"),
        )
        register("story_recognised", _("Når en kollega anerkender min historie"))
        register("story_digest", _("Ugentlig e-mail med nye historier fra mit område"))
        from . import panels  # noqa: F401 (adds the story sections to units, areas and experiments)
