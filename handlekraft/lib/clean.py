"""One way in for free text: Unicode normalised (NFC), and control characters other than tab and line
breaks removed, wherever text enters (forms, the API's JSON, imports). Stored text then never breaks an
export (a NUL makes Word, Atom and PostgreSQL refuse it) and looks the same however it was typed."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab, line feed and carriage return; DEL; lone surrogates (invalid UTF-8).
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str) -> str:
    return UNSAFE.sub("", unicodedata.normalize("NFC", value))


def clean_data(value):
    """Every string in a parsed JSON value (or a list of them) cleaned, the structure kept."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_data(v) for k, v in value.items()}
    return value


def has_unsafe(value: str) -> bool:
    return bool(UNSAFE.search(value))


OUR_APPS = {
    "organisation",
    "mandates",
    "experiments",
    "stories",
    "dialogue",
    "summaries",
    "pulse",
    "plan",
    "notifications",
}


def clean_stored(apps) -> int:
    """Cleans every stored text and char field of our apps in place (for a data migration: `apps` is the
    migration's registry). Returns the number of rows changed."""
    from django.db import models

    changed = 0
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        fields = [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
        ]
        if not fields:
            continue
        for pk, *values in model._base_manager.values_list("pk", *fields).iterator(chunk_size=2000):
            dirty = {
                name: clean_text(value)
                for name, value in zip(fields, values, strict=True)
                if isinstance(value, str) and clean_text(value) != value
            }
            if dirty:
                model._base_manager.filter(pk=pk).update(**dirty)
                changed += 1
    return changed
