from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperimentsConfig(AppConfig):
    name = "handlekraft.experiments"
    label = "experiments"
    verbose_name = _("Prøvehandlinger og forenkling")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from . import privacy as own

        privacy.register(
            "experiments", own.sections, getattr(own, "erase", None), getattr(own, "retain", None)
        )
        from handlekraft.notifications.kinds import register

        register("experiment_approval", _("Når en prøvehandling venter på min godkendelse (ledere)"))
        register("experiment_decision", _("Når min prøvehandling er godkendt eller afvist"))
        register("experiment_evaluation", _("Når min prøvehandling skal evalueres"))
        register("proposal_received", _("Når et forenklingsforslag sendes til mig"))
        register("proposal_status", _("Når mit forenklingsforslag får svar eller skifter status"))
