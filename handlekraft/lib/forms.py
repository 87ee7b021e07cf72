"""Forms rendered with DKFDS markup: classes, aria-invalid and aria-describedby set on every widget.

Templates render fields with `components/field.html`, which writes the `{id}-hint` and `{id}-error`
elements these attributes point at.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.forms.boundfield import BoundField

from .clean import clean_text

WIDGET_CLASSES = {
    "select": "form-select",
    "selectmultiple": "form-select",
    "checkbox": "form-checkbox",
    "radioselect": "form-radio",
    "checkboxselectmultiple": "form-checkbox",
    "clearablefile": "form-file-input",
    "file": "form-file-input",
}


class DKFDSBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if (widget or self.field.widget).is_hidden:  # nothing to describe, and HTML forbids aria-* on it
            attrs.pop("aria-describedby", None)
            attrs.pop("aria-invalid", None)
            return attrs
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}-hint")
        if self.errors:
            described_by.append(f"{self.auto_id}-error")
            attrs["aria-invalid"] = "true"
        else:
            attrs.pop("aria-invalid", None)
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        else:
            attrs.pop("aria-describedby", None)
        css = WIDGET_CLASSES.get(self.widget_type, "form-input")
        attrs["class"] = f"{css} {attrs.get('class', '')}".strip()
        return attrs


class CleanInputMixin:
    """What people type is cleaned (lib/clean.py: NFC, no control characters) before any field sees it,
    so the validators (length, CPR) judge the text that will be stored."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "lists"):
            cleaned = data.copy()
            for key, values in data.lists():
                cleaned.setlist(key, [clean_text(v) if isinstance(v, str) else v for v in values])
            data = cleaned
        elif isinstance(data, dict):
            data = {k: clean_text(v) if isinstance(v, str) else v for k, v in data.items()}
        super().__init__(data, *args, **kwargs)


# A form's fields are set up by name in __init__ ("self.fields['area'].queryset = ..."); typed as Any, so
# that needs no cast to the field's own class each time.
FormFields = dict[str, Any]


class DKFDSForm(CleanInputMixin, forms.Form):
    bound_field_class = DKFDSBoundField
    template_name = "components/form_fields.html"
    fields: FormFields


class DKFDSModelForm(CleanInputMixin, forms.ModelForm):
    bound_field_class = DKFDSBoundField
    template_name = "components/form_fields.html"
    fields: FormFields


class DanishAmountField(forms.DecimalField):
    """Kroner as people write them: "1.250,50", "1250,50", "1 250" or "1250.50" (and "kr." is ignored)."""

    THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("kr.", "").replace("kr", "").replace("\u00a0", "").replace(" ", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif self.THOUSANDS.match(value):
                value = value.replace(".", "")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_amount(value)
        return value


def format_amount(value: Decimal) -> str:
    """1250.5 → "1.250,50"; whole kroner without decimals: 1500 → "1.500"."""
    text = f"{value:,.2f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text.removesuffix(",00")
