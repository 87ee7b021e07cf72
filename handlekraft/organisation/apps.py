from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "handlekraft.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from handlekraft import checks  # noqa: F401 (registers the deploy checks)
