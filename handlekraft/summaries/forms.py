from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.models import Meeting
from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.lib.locking import VersionField
from handlekraft.organisation.models import Committee

from .models import Summary
from .rules import meetings_for

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
GRANULARITY = [("0.25", _("Få, brede temaer")), ("0.5", _("Mellem")), ("0.75", _("Mange, smalle temaer"))]


class SummaryForm(DKFDSForm):
    """Choose the meetings: tick them, or take every meeting of a kind of forum within a period."""

    title = forms.CharField(label=_("Titel"), max_length=200, validators=[validate_no_cpr])
    forum_kind = forms.ChoiceField(
        label=_("Forum"),
        required=False,
        choices=[("", _("Alle fora")), *Committee.Kind.choices],
        help_text=_("Fx alle OMU-møder i perioden. Bruges, når du ikke vælger møder herunder."),
    )
    period_start = forms.DateField(label=_("Periode fra"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("Periode til"), required=False, widget=DATE)
    meetings = forms.ModelMultipleChoiceField(
        label=_("Møder"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    granularity = forms.TypedChoiceField(
        label=_("Temaer"), choices=GRANULARITY, coerce=float, initial="0.5", widget=forms.RadioSelect
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.available = meetings_for(user)
        self.fields["meetings"].queryset = self.available

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", gettext("Slutdatoen skal ligge efter startdatoen."))
            return data
        chosen = list(data.get("meetings") or [])
        if not chosen:
            found = self.available
            if kind := data.get("forum_kind"):
                found = found.filter(committee__kind=kind)
            if start:
                found = found.filter(starts_at__date__gte=start)
            if end:
                found = found.filter(starts_at__date__lte=end)
            chosen = list(found)
        if not chosen:
            self.add_error(
                "meetings", gettext("Vælg mindst ét møde – eller et forum og en periode med møder.")
            )
        data["chosen"] = chosen
        return data


class TextsForm(DKFDSModelForm):
    """The report's own texts, saved with optimistic locking (lib/locking.py)."""

    version = VersionField()

    class Meta:
        model = Summary
        fields = ["additional", "succeeding", "summing_up", "barriers", "way_forward"]  # the seed's order
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}
        help_texts = {
            "additional": _("Ét punkt pr. linje."),
            "succeeding": _("Hvordan ser det ud, når vi lykkes? Ét punkt pr. linje."),
            "summing_up": _("Et kort afsnit, der samler op på det hele."),
            "barriers": _("Hvad kan stå i vejen? Ét punkt pr. linje."),
            "way_forward": _("Ét punkt pr. linje."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)
