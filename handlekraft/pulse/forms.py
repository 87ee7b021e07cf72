"""The pulse app's forms: the answer code, a new survey, and an action of an action plan."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.organisation.models import Membership, Unit, User

from .models import Action, Construct, Item

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CodeForm(DKFDSForm):
    kode = forms.CharField(
        label=gettext_lazy("Din svarkode"),
        max_length=20,
        help_text=gettext_lazy("Koden står i din e-mail eller på den seddel, du har fået. Fx ABCDE-FGH23."),
    )


class SurveyForm(DKFDSForm):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200, validators=[validate_no_cpr])
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Hvem spørges"),
        queryset=Unit.objects.filter(depth__lte=2).order_by("path"),
        help_text=gettext_lazy("Enheden og alle enhederne under den."),
    )
    opens = forms.DateField(label=gettext_lazy("Åbner"), widget=DATE)
    closes = forms.DateField(label=gettext_lazy("Lukker"), widget=DATE)
    items = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Udsagn"),
        queryset=Item.objects.select_related("construct"),
        widget=forms.CheckboxSelectMultiple,
    )
    question = forms.CharField(
        label=gettext_lazy("Et spørgsmål med fritekst"),
        required=False,
        max_length=300,
        validators=[validate_no_cpr],
        help_text=gettext_lazy("Valgfrit. Kommentarer vises kun for grupper på mindst 10."),
    )
    repeat_quarterly = forms.BooleanField(label=gettext_lazy("Gentag hvert kvartal"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].initial = list(
            Item.objects.filter(in_default_pulse=True).values_list("pk", flat=True)
        )
        self.standard_count = len(self.fields["items"].initial)  # what the page says it has ticked

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            self.add_error("closes", _("Lukkedatoen skal ligge efter åbningsdatoen."))
        return data


class ActionForm(DKFDSModelForm):
    class Meta:
        model = Action
        fields = ["text", "owner", "due", "construct"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"text": gettext_lazy("Handling")}

    def __init__(self, *args, unit: Unit, constructs, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(
            Q(unit=unit) | Q(unit__in=unit.ancestors()), user__is_active=True
        ).values("user_id")
        self.fields["owner"].queryset = User.objects.filter(pk__in=members).order_by("name")
        self.fields["owner"].required = True
        self.fields["construct"].queryset = Construct.objects.filter(pk__in=[c.pk for c in constructs])

    def clean_due(self):
        due = self.cleaned_data["due"]
        if due and due < timezone.localdate() and due != self.instance.due:
            raise forms.ValidationError(_("Fristen kan ikke ligge før i dag."))
        return due
