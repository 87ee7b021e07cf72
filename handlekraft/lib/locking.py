"""Optimistic locking for edit forms: a save made from an older copy never overwrites a newer one.

A model with a `version` field; its form carries the version it was opened at (a hidden `version`
field). `save_unless_changed` takes the row's lock, compares, and either applies the edit (the caller
saves, `version` is raised by one) or returns the newer row, which the page shows beside the person's
own text, so nothing anyone wrote is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import models, transaction

M = TypeVar("M", bound=models.Model)


class VersionField(forms.IntegerField):
    """The hidden field with the version the form was opened at."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, required=False, **kwargs)


def save_unless_changed(
    model: type[M], pk: int, edited_from: int | None, apply: Callable[[M], None]
) -> M | None:
    """Runs `apply(current)` and saves it with the next version, unless the row changed since
    `edited_from`; then returns the newer row (the conflict) and changes nothing. None means saved."""
    with transaction.atomic():
        current = model._default_manager.select_for_update().get(pk=pk)
        if edited_from is not None and edited_from != current.version:
            return current
        apply(current)
        current.version += 1
        current.save()
    return None
