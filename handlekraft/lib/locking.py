"""Optimistic locking for edit forms: a save made from an older copy never overwrites a newer one.

A model with a `version` field; its form carries the version it was opened at (a hidden `version`
field, `VersionField`). `save_unless_changed` (a ModelForm) or `update_unless_changed` (any edit)
takes the row's lock, compares, and either writes the person's edit onto the row as it is now (so
fields the form does not hold keep their newest values) and raises `version` by one, or changes
nothing and returns the newer row. The page then shows that newer row beside the person's own text
(`form_after_conflict`), so nothing anyone wrote is lost, and the next save knowingly builds on the
newest version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import models, transaction
from django.http import QueryDict

M = TypeVar("M", bound=models.Model)


class VersionField(forms.IntegerField):
    """The hidden field with the version the form was opened at."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, required=False, **kwargs)


def update_unless_changed(
    model: type[M],
    pk: int,
    edited_from: int | None,
    apply: Callable[[M], M | None],
    then: Callable[[M], None] | None = None,
) -> M | None:
    """Locks the row; when it changed since `edited_from`, returns it (the newer row) and changes
    nothing. Else `apply(current)` writes the edit onto it (and may return the object to save), which is
    saved with the next version, and `then(saved)` runs in the same transaction. None means saved."""
    with transaction.atomic():
        current: Any = model._default_manager.select_for_update().get(pk=pk)  # a model with `version`
        if edited_from is not None and edited_from != current.version:
            return current
        saved: Any = apply(current) or current
        saved.version = current.version + 1
        saved.save()
        if then is not None:
            then(saved)
    return None


def save_unless_changed(
    form: forms.ModelForm,
    edited_from: int | None,
    then: Callable[[M], None] | None = None,
    also: dict | None = None,
) -> M | None:
    """The same for a valid ModelForm of an existing row: its cleaned data (and the fields in `also`,
    which the view sets) written onto the row as it stands now. The saved row is `form.instance`."""

    def apply(current: M) -> M:
        form.instance = current
        form._post_clean()  # type: ignore[attr-defined]  # the model's validation, on the locked row
        saved = form.save(commit=False)
        for field, value in (also or {}).items():
            setattr(saved, field, value)
        return saved

    def after(saved: M) -> None:
        form.save_m2m()
        if then is not None:
            then(saved)

    return update_unless_changed(form._meta.model, form.instance.pk, edited_from, apply, after)


def resubmitted(post: QueryDict, conflict: Any) -> QueryDict:
    """What the person wrote, to be saved next time from the newer row's version."""
    data = post.copy()
    data["version"] = conflict.version
    return data


def form_after_conflict(form_class: type[forms.ModelForm], post: QueryDict, conflict: M, **kwargs):
    """The form again with what the person wrote, on the newer row, to be saved from its version."""
    # The form gets its own copy of the row: validating a ModelForm writes into its instance.
    form = form_class(
        resubmitted(post, conflict), instance=type(conflict)._default_manager.get(pk=conflict.pk), **kwargs
    )
    form.is_valid()
    return form
