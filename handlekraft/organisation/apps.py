from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str, **kwargs) -> None:
    """The database cache's table (the shared rate limits), made by every `migrate`: nothing to forget."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class OrganisationConfig(AppConfig):
    name = "handlekraft.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from handlekraft.lib import privacy

        from .personal_data import organisation_sections

        privacy.register("organisation", organisation_sections)  # its own row is erased last (erasure.py)
        from handlekraft import checks  # noqa: F401 (registers the deploy checks)

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="handlekraft.create_cache_table")
