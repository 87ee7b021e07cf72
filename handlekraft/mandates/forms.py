from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import TEXT_MAX, validate_no_cpr
from handlekraft.lib.forms import DanishAmountField, DKFDSForm, DKFDSModelForm
from handlekraft.organisation.models import Unit

from .models import DecisionArea, Level, MandateQuestion
from .rules import can_edit_area


class DecisionAreaForm(DKFDSModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Hvad har du ændret?"),
        required=False,
        max_length=300,
        validators=[validate_no_cpr],
        help_text=_("Kort note til versionshistorikken, fx »Aftalt på teammødet 3. marts«."),
    )

    limit_amount = DanishAmountField(
        label=_("Beløbsgrænse (kr.)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Fx 1.500 eller 1.250,50"),
    )

    class Meta:
        model = DecisionArea
        fields = [
            "title",
            "description",
            "level",
            "desired_level",
            "limits",
            "limit_amount",
            "limit_period",
            "inform",
            "inform_when",
            "coordinate_with",
            "examples",
            "keywords",
            "asked",
            "applies_to_subunits",
            "status",
            "review_date",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "limits": forms.Textarea(attrs={"rows": 4}),
            "inform": forms.Textarea(attrs={"rows": 2}),
            "examples": forms.Textarea(attrs={"rows": 4}),
            "keywords": forms.Textarea(attrs={"rows": 2}),
            "asked": forms.Textarea(attrs={"rows": 3}),
            "level": forms.RadioSelect,
            "review_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["level"].choices = [(v, f"{v}. {label}") for v, label in Level.choices]
        # Coordinate with units near this one: its area's subtree (a few dozen units, not thousands).
        ancestors = unit.ancestor_ids
        root_id = ancestors[1] if len(ancestors) > 1 else unit.pk
        root = Unit.objects.filter(pk=root_id).first() or unit
        self.fields["coordinate_with"].queryset = root.subtree().exclude(pk=unit.pk).order_by("path")
        if self.instance.pk is None:
            self.initial.setdefault("version", 0)
        else:
            self.initial["version"] = self.instance.version

    def clean_keywords(self):
        keywords = self.cleaned_data["keywords"]
        return ", ".join(k.strip() for k in keywords.replace("\n", ",").split(",") if k.strip())

    def clean(self):
        data = super().clean()
        if data.get("limit_period") and data.get("limit_amount") is None:
            self.add_error("limit_amount", _("Skriv et beløb, når du vælger en periode."))
        return data


class SearchForm(DKFDSForm):
    q = forms.CharField(
        label=_("Må jeg selv?"),
        max_length=200,
        help_text=_("Skriv med dine egne ord, fx »Må jeg selv ringe efter en vikar?«"),
    )


class QuestionForm(DKFDSModelForm):
    class Meta:
        model = MandateQuestion
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "text": gettext_lazy("Din leder får besked og svarer dig her. Skriv ikke navne på borgere.")
        }


class AnswerForm(DKFDSForm):
    area = forms.ModelChoiceField(
        label=gettext_lazy("Det står i dette beslutningsområde"),
        queryset=DecisionArea.objects.none(),
        required=False,
    )
    text = forms.CharField(
        label=gettext_lazy("Dit svar"), widget=forms.Textarea(attrs={"rows": 3}), validators=[validate_no_cpr]
    )
    searchable = forms.CharField(
        label=gettext_lazy("Gør spørgsmålet søgbart (valgfrit)"),
        required=False,
        max_length=300,
        validators=[validate_no_cpr],
        help_text=gettext_lazy(
            "Skriv spørgsmålet, som andre ville stille det, uden navne. Så finder »Må jeg selv?« "
            "beslutningsområdet, næste gang nogen spørger sådan, og det står på områdets side. "
            "Fx »Må jeg skifte en pære i fællesstuen?«. Lad feltet stå tomt, hvis det ikke skal med."
        ),
    )

    def __init__(self, *args, unit: Unit, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        in_force = DecisionArea.objects.for_unit(unit)
        self.fields["area"].queryset = DecisionArea.objects.filter(
            pk__in=[a.pk for a in in_force]
        ).select_related("unit")

    def clean(self):
        data = super().clean()
        if data.get("searchable"):
            area = data.get("area")
            if area is None:
                self.add_error(
                    "searchable", _("Vælg det beslutningsområde, spørgsmålet skal kunne findes under.")
                )
            elif len(area.asked) + len(data["searchable"]) + 1 > TEXT_MAX:
                self.add_error(
                    "searchable",
                    _("Der er ikke plads til flere spørgsmål på området. Ret listen på områdets side først."),
                )
            elif not can_edit_area(self.user, area):
                self.add_error(
                    "searchable",
                    _(
                        "Området hører under %(unit)s, og kun dem, der kan ændre det, kan gøre spørgsmål "
                        "søgbare under det. Lad feltet stå tomt."
                    )
                    % {"unit": area.unit.name},
                )
        return data


class StartForm(DKFDSForm):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    areas = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Beslutningsområder, I vil tale om"),
        queryset=DecisionArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, unit: Unit, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = [a.pk for a in DecisionArea.objects.for_unit(unit) if can_edit_area(user, a)]
        self.fields["areas"].queryset = DecisionArea.objects.filter(pk__in=editable).order_by("title")
