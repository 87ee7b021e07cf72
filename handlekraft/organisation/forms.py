from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.notifications.kinds import KINDS

from .models import PersonalToken, User

MAX_UPLOAD = 50 * 1024 * 1024


class ImportOrgForm(forms.Form):
    units = forms.FileField(label=_("UNITS.csv"), help_text=_("external_id,name,parent_external_id,kind"))
    people = forms.FileField(
        label=_("PEOPLE.csv"), required=False, help_text=_("email,name,unit_external_id,role")
    )
    deactivate_missing = forms.BooleanField(
        label=_("Deaktivér personer, der ikke står i PEOPLE.csv"), required=False
    )

    def clean(self):
        data = super().clean()
        for name in ("units", "people"):
            upload = data.get(name)
            if upload and upload.size > MAX_UPLOAD:
                self.add_error(name, _("Filen er større end 50 MB."))
        if data.get("deactivate_missing") and not data.get("people"):
            self.add_error("people", _("Vælg en PEOPLE.csv, når personer, der mangler, skal deaktiveres."))
        return data


class ProfileForm(DKFDSModelForm):
    class Meta:
        model = User
        fields = ["language"]


class EmailPreferencesForm(DKFDSForm):
    """One checkbox per kind of notification: e-mail on or off."""

    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in KINDS.items():
            self.fields[f"email_{key}"] = forms.BooleanField(
                label=label, required=False, initial=current.get(key, True)
            )

    def choices(self) -> dict[str, bool]:
        return {key: self.cleaned_data[f"email_{key}"] for key in KINDS}


class TokenForm(DKFDSModelForm):
    class Meta:
        model = PersonalToken
        fields = ["name"]
        labels = {"name": _("Hvad skal nøglen bruges til?")}
        help_texts = {"name": _("Fx »Rapport i Excel«. Du ser selve nøglen én gang, når den er oprettet.")}
