from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "handlekraft.jobs"
    label = "jobs"
    verbose_name = _("Baggrundsjob")

    def ready(self) -> None:
        from handlekraft.notifications.kinds import register

        register("job_finished", _("Når et baggrundsjob, jeg har startet, er færdigt"))
