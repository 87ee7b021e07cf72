"""The kinds of notification, so a person can choose per kind. Each app registers its own.

A kind is a key and a Danish label (translated through gettext).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The notifications app's own kind; every other app registers its kinds in its AppConfig.ready(), so this
# app knows none of them (docs/architecture.md). The settings page lists them in the apps' order.
KINDS: dict[str, StrOrPromise] = {
    "announcement": _("Meddelelser fra HR og administrationen"),
}


def register(key: str, label: StrOrPromise) -> None:
    KINDS.setdefault(key, label)
