from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.models import Meeting
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.organisation.models import User
from handlekraft.pulse.models import ActionPlan, Survey
from handlekraft.summaries.models import Summary

from .models import Activity, FollowUp, Forum

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LINK_CHOICES = 300  # the newest meetings, opsamlinger and action plans offered for linking


class PersonByEmailField(forms.EmailField):
    """A colleague named by e-mail: the organisation is too big for a select."""

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("Der er ingen medarbejder med den e-mail."))
        return user


def offer(field, newest, current: list, empty_label=None) -> None:
    """The whole table validates a choice; the list shows the newest rows and those chosen already."""
    shown = {obj.pk: obj for obj in [*current, *newest[:LINK_CHOICES]]}
    choices = [(pk, field.label_from_instance(obj)) for pk, obj in shown.items()]
    field.widget.choices = [("", empty_label), *choices] if empty_label else choices


class ActivityForm(DKFDSModelForm):
    responsible_email = PersonByEmailField(
        label=_("Ansvarlig (e-mail)"), required=False, help_text=_("Fx hr@eksempel.dk.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "forum",
            "kind",
            "quarter",
            "until_quarter",
            "day",
            "status",
            "meetings",
            "summaries",
            "surveys",
            "action_plans",
        ]
        widgets = {"day": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].empty_label = None
        for field in self.fields.values():
            if "invalid_choice" in field.error_messages:
                field.error_messages["invalid_choice"] = _("Vælg en af mulighederne på listen.")
            if "invalid_pk_value" in field.error_messages:
                field.error_messages["invalid_pk_value"] = _("Vælg en af mulighederne på listen.")
        self.fields["action_plans"].queryset = ActionPlan.objects.select_related("survey", "unit")
        self.fields["action_plans"].label_from_instance = lambda p: f"{p.unit.name} – {p.survey.round}"
        self.fields["surveys"].queryset = Survey.objects.select_related("unit")
        offered = {
            "meetings": Meeting.objects.order_by("-created"),
            "summaries": Summary.objects.order_by("-created"),
            "surveys": Survey.objects.select_related("unit").order_by("-opens"),
            "action_plans": ActionPlan.objects.select_related("survey", "unit").order_by("-created"),
        }
        for name, newest in offered.items():
            offer(
                self.fields[name],
                newest,
                list(getattr(self.instance, name).all()) if self.instance.pk else [],
            )
        for name in ("meetings", "summaries", "surveys", "action_plans"):
            self.fields[name].help_text = _("Hold Ctrl (⌘ på Mac) nede for at vælge flere.")
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            if self.instance.responsible:
                self.initial["responsible_email"] = self.instance.responsible.email


class ActivityStatusForm(DKFDSModelForm):
    class Meta:
        model = Activity
        fields = ["status"]


class FollowUpForm(DKFDSModelForm):
    owner_email = PersonByEmailField(
        label=_("Ansvarlig (e-mail)"), help_text=_("Den, der skal sørge for, at det sker.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = FollowUp
        fields = ["title", "description", "forum", "due", "source", "meeting", "action_plan", "activity"]
        widgets = {
            "due": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "source": forms.RadioSelect,
        }

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums
        self.fields["forum"].empty_label = None
        self.fields["forum"].error_messages["invalid_choice"] = _("Vælg et af de fora, du følger.")
        for name in ("meeting", "action_plan", "activity"):
            self.fields[name].error_messages["invalid_choice"] = _("Vælg en af mulighederne på listen.")
        self.fields["meeting"].help_text = _("Når punktet kommer fra et dialogmødes »Vejen videre«.")
        self.fields["action_plan"].queryset = ActionPlan.objects.select_related("survey", "unit")
        self.fields["action_plan"].label_from_instance = lambda p: f"{p.unit.name} – {p.survey.round}"
        self.fields["action_plan"].help_text = _("Når punktet kommer fra en handleplan efter en måling.")
        self.fields["activity"].queryset = Activity.objects.order_by("quarter", "title")
        self.fields["activity"].empty_label = _("Ingen")
        chosen = self.instance if self.instance.pk else None
        for name, newest in (
            ("meeting", Meeting.objects.order_by("-created")),
            ("action_plan", self.fields["action_plan"].queryset.order_by("-created")),
        ):
            current = self.initial.get(name) or (getattr(chosen, f"{name}_id") if chosen else None)
            offer(self.fields[name], newest, list(newest.filter(pk=current)) if current else [], _("Ingen"))
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            self.initial["owner_email"] = self.instance.owner.email

    def clean_due(self):
        due = self.cleaned_data["due"]
        if not self.instance.pk and due < timezone.localdate():
            raise forms.ValidationError(_("Fristen ligger i fortiden. Vælg en dato fra i dag og frem."))
        return due


class FollowUpStatusForm(DKFDSForm):
    status = forms.ChoiceField(label=_("Status"), choices=FollowUp.Status.choices)


class ForumFilterForm(DKFDSForm):
    forum = forms.ModelChoiceField(
        label=_("Forum"), queryset=Forum.objects.all(), required=False, empty_label=_("Alle fora")
    )
