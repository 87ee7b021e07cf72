from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PulseConfig(AppConfig):
    name = "handlekraft.pulse"
    label = "pulse"
    verbose_name = _("Måling")
