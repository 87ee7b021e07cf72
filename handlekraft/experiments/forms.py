from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.lib.locking import VersionField
from handlekraft.mandates.models import TEAM_DECIDES_FROM, DecisionArea
from handlekraft.mandates.search import suggest_area
from handlekraft.organisation.models import Membership, Unit, User

from .models import Experiment, Proposal, Theme

# The choice by which the owner says that no decision area fits (instead of the one suggested).
NO_AREA = 0

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CENTRAL = ""  # a proposal routed to no unit: HR and the management answer it


def routing_choices() -> list[tuple[str, str]]:
    units = Unit.objects.filter(depth__lte=2).order_by("path")
    return [(CENTRAL, str(_("Centralt (HR og direktionen)"))), *[(u.external_id, u.name) for u in units]]


class ExperimentForm(DKFDSModelForm):
    version = VersionField()

    class Meta:
        model = Experiment
        fields = [
            "title",
            "hypothesis",
            "action",
            "measure",
            "success",
            "start",
            "end",
            "decision_area",
            "proposal",
            "theme",
            "owners",
        ]
        widgets = {
            "hypothesis": forms.Textarea(attrs={"rows": 2}),
            "action": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
            "success": forms.Textarea(attrs={"rows": 2}),
            "start": DATE,
            "end": DATE,
            "owners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
        # Choices from the areas in force (one query), so only those can be linked.
        self.in_force = {a.pk: a for a in DecisionArea.objects.for_unit(unit)}
        self.fields["decision_area"] = forms.TypedChoiceField(
            label=Experiment._meta.get_field("decision_area").verbose_name.capitalize(),
            help_text=Experiment._meta.get_field("decision_area").help_text,
            required=False,
            coerce=int,
            empty_value=None,
            choices=[
                ("", "---------"),
                *[(a.pk, a.title) for a in self.in_force.values()],
                (NO_AREA, _("Intet af områderne passer")),
            ],
        )
        members = Membership.objects.filter(unit__path__startswith=unit.path, user__is_active=True).values(
            "user_id"
        )
        self.fields["owners"].queryset = User.objects.filter(pk__in=members).order_by("name")
        # Open proposals only: an experiment can test a proposal before it is decided.
        closed = [Proposal.Status.DONE, Proposal.Status.REJECTED]
        self.fields["proposal"].queryset = Proposal.objects.exclude(status__in=closed).order_by("-created")
        self.fields["owners"].required = False  # nobody chosen: the person who creates it owns it
        self.fields["owners"].help_text = _("Dem, der driver prøvehandlingen. Vælger du ingen, er det dig.")

    def clean_decision_area(self):
        pk = self.cleaned_data.get("decision_area")
        if pk is None and self.is_bound:
            # Nobody linked an area: if the text is clearly about one the team cannot decide alone, the owner
            # must confirm it (then the leader approves) or choose another, or say that none fits.
            suggested = suggest_area(self.unit, self.data.get("title", ""), self.data.get("action", ""))
            if suggested is not None and suggested.level < TEAM_DECIDES_FROM:
                self.data = self.data.copy()
                self.data["decision_area"] = str(suggested.pk)
                raise forms.ValidationError(
                    _(
                        "Prøvehandlingen ser ud til at høre under »%(title)s«, som I ikke beslutter "
                        "alene (niveau %(level)s). Bekræft området, vælg et andet, eller vælg "
                        "»Intet af områderne passer«."
                    ),
                    params={"title": suggested.title, "level": suggested.level},
                )
        return self.in_force.get(pk) if pk else None

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Slutdatoen skal ligge efter startdatoen."))
        return data


class DeclineForm(DKFDSForm):
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_cpr],
        help_text=_("Skriv, hvorfor – og hvad der skal til, før I kan prøve det."),
    )


class LearningForm(DKFDSModelForm):
    version = VersionField()

    class Meta:
        model = Experiment
        fields = ["believed", "observed", "learned", "therefore", "next_step"]
        widgets = {
            "believed": forms.Textarea(attrs={"rows": 2}),
            "observed": forms.Textarea(attrs={"rows": 2}),
            "learned": forms.Textarea(attrs={"rows": 2}),
            "therefore": forms.Textarea(attrs={"rows": 2}),
            "next_step": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
        self.initial.setdefault("version", self.instance.version)
        self.fields["next_step"].choices = Experiment.NextStep.choices


class BoardFilterForm(DKFDSForm):
    enhed = forms.CharField(label=_("Enhed (og enhederne under)"), required=False)
    tema = forms.ChoiceField(
        label=_("Tema"), required=False, choices=[("", _("Alle temaer")), *Theme.choices]
    )
    omraade = forms.ModelChoiceField(
        label=_("Beslutningsområde"),
        required=False,
        queryset=DecisionArea.objects.none(),
        empty_label=_("Alle"),
    )

    def __init__(self, *args, areas, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omraade"].queryset = areas
        self.fields["enhed"].widget = forms.Select(choices=[("", _("Hele organisationen")), *units])


class ProposalForm(DKFDSModelForm):
    owner_unit = forms.ChoiceField(
        label=gettext_lazy("Hvilken enhed ejer reglen?"),
        required=False,
        help_text=gettext_lazy("Kun for kommunale regler: vælg enheden, der ejer reglen, eller »Centralt«."),
    )

    class Meta:
        model = Proposal
        fields = ["title", "problem", "proposal", "hours_per_month", "rule_owner"]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 3}),
            "proposal": forms.Textarea(attrs={"rows": 3}),
            "rule_owner": forms.RadioSelect,
            "hours_per_month": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].choices = routing_choices()
        self.fields["rule_owner"].choices = Proposal.RuleOwner.choices

    def clean_hours_per_month(self):
        hours = self.cleaned_data["hours_per_month"]
        if hours is not None and hours < 0:
            raise forms.ValidationError(_("Timer kan ikke være negative."))
        return hours


class ProposalAnswerForm(DKFDSForm):
    status = forms.ChoiceField(label=gettext_lazy("Status"), widget=forms.RadioSelect)
    answer = forms.CharField(
        label=gettext_lazy("Svar til forslagsstilleren"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_cpr],
    )
    forward_to = forms.ChoiceField(label=gettext_lazy("Send videre til"), required=False)
    decision_area = forms.ModelChoiceField(
        label=gettext_lazy("Ændret beslutningsområde"), queryset=DecisionArea.objects.none(), required=False
    )

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [c for c in Proposal.Status.choices if c[0] != Proposal.Status.RECEIVED]
        self.fields["status"].choices = choices
        self.fields["forward_to"].choices = routing_choices()
        in_force = [a.pk for a in DecisionArea.objects.for_unit(proposal.unit)]
        self.fields["decision_area"].queryset = DecisionArea.objects.filter(pk__in=in_force).order_by("title")

    def clean(self):
        data = super().clean()
        if data.get("status") == Proposal.Status.REJECTED and not data.get("answer", "").strip():
            self.add_error(
                "answer", _("Skriv et svar, når du afviser et forslag: forslagsstilleren skal vide hvorfor.")
            )
        return data
