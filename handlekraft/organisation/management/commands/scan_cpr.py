"""`manage.py scan_cpr`: finds CPR-like numbers already stored in free text, so an administrator can
remove them. Lists each masked ("010203-XXXX") with where it is; never prints the control digits.

Text saved before the guard (lib/cpr.py) was as strict as it is now may hold numbers it would refuse
today; until they are removed, the pages show them masked (the `mask_cpr` filter).
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models

from handlekraft.lib.cpr import find_cpr

CHUNK = 2000
# Char fields nobody types into: a password hash or the login provider's key can hold ten digits in a
# row by chance (a false alarm, and part of a hash printed).
NOT_TYPED = {"organisation.User.password", "organisation.User.sso_subject"}


def free_text_fields(model) -> list[models.Field]:
    """The fields people type into: text and char fields that are editable and not a fixed choice."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and f.editable
        and not f.choices
        and f"{model._meta.label}.{f.name}" not in NOT_TYPED
    ]


def scan():
    """(model label, primary key, field name, masked number) for every number found."""
    for model in apps.get_models():
        if not model.__module__.startswith("handlekraft."):
            continue
        fields = free_text_fields(model)
        if not fields:
            continue
        rows = model._default_manager.values_list("pk", *(f.name for f in fields))
        for pk, *values in rows.order_by("pk").iterator(chunk_size=CHUNK):
            for field, value in zip(fields, values, strict=True):
                for match in find_cpr(value or ""):
                    yield model._meta.label, pk, field.name, match.masked


class Command(BaseCommand):
    help = "Finder CPR-lignende numre, der allerede står i fritekstfelter, og viser dem maskeret."

    def handle(self, *args, **options) -> None:
        found = 0
        for label, pk, field, masked in scan():
            found += 1
            self.stdout.write(f"{label} #{pk} {field}: {masked}")
        if found:
            self.stdout.write(
                f"{found} CPR-lignende numre fundet. Ret eller slet teksterne i administrationen."
            )
        else:
            self.stdout.write("Ingen CPR-lignende numre fundet.")
