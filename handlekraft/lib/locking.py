"""Optimistic locking for edit forms: a save made from an older copy never overwrites a newer one.

A model with a `version` field; its form carries the version it was opened at (a hidden `version`
field, `VersionField`). `save_unless_changed` takes the row's lock, compares, and either writes the
person's edit onto the row as it is now (so fields the form does not hold keep their newest values) and
raises `version` by one, or changes nothing and returns the newer row. The page then shows that newer
row beside the person's own text (`form_after_conflict`), so nothing anyone wrote is lost, and the next
save knowingly builds on the newest version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import models, transaction
from django.http import QueryDict

M = TypeVar("M", bound=models.Model)


class VersionField(forms.IntegerField):
    """The hidden field with the version the form was opened at."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, required=False, **kwargs)


def save_unless_changed(
    form: forms.ModelForm,
    edited_from: int | None,
    then: Callable[[M], None] | None = None,
    also: dict | None = None,
) -> M | None:
    """Saves a valid ModelForm of an existing row with the next version (and the fields in `also`, which
    the view sets), then runs `then(saved)` in the same transaction; or, when the row changed since
    `edited_from`, returns the newer row and changes nothing. None means saved (`form.instance`)."""
    model = form._meta.model
    with transaction.atomic():
        current = model._default_manager.select_for_update().get(pk=form.instance.pk)
        if edited_from is not None and edited_from != current.version:
            return current
        form.instance = current
        form._post_clean()  # the form's cleaned data onto the row as it stands now
        saved = form.save(commit=False)
        for field, value in (also or {}).items():
            setattr(saved, field, value)
        saved.version = current.version + 1
        saved.save()
        form.save_m2m()
        if then is not None:
            then(saved)
    return None


def form_after_conflict(form_class: type[forms.ModelForm], post: QueryDict, conflict: M, **kwargs):
    """The form again with what the person wrote, on the newer row, to be saved from its version."""
    data = post.copy()
    data["version"] = conflict.version
    # The form gets its own copy of the row: validating a ModelForm writes into its instance.
    form = form_class(data, instance=type(conflict)._default_manager.get(pk=conflict.pk), **kwargs)
    form.is_valid()
    return form
