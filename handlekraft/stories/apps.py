from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "handlekraft.stories"
    label = "stories"
    verbose_name = _("Historier og anerkendelse")

    def ready(self) -> None:
        from . import panels  # noqa: F401 (adds the story sections to units, areas and experiments)
