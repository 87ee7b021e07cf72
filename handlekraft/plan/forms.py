from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.models import Meeting
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.organisation.models import User
from handlekraft.pulse.models import ActionPlan, Survey
from handlekraft.summaries.models import Summary

from .models import Activity, FollowUp, Forum

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

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


# field → (model, label, how a row is named)
LINKS: dict[str, tuple[type[models.Model], StrOrPromise, Any]] = {
    "meetings": (Meeting, _("Dialogmøder"), F("title")),
    "summaries": (Summary, _("Opsamlinger"), F("title")),
    "surveys": (Survey, _("Målinger"), Concat("title", Value(" ("), "round", Value(")"))),
    "action_plans": (ActionPlan, _("Handleplaner"), Concat("unit__name", Value(" – "), "survey__round")),
}
LINK_WINDOW = timedelta(days=548)  # the last 18 months are offered for linking (and what is linked already)


def link_choices(activity: Activity | None) -> dict[str, list[tuple[int, str]]]:
    """Every link field's choices in one UNION query: the recent rows and those linked already."""
    text = CharField()
    since = timezone.now() - LINK_WINDOW
    queries = []
    for name, (model, _label, label) in LINKS.items():
        linked = (
            Q(
                pk__in=getattr(activity, name)
                .through.objects.filter(activity_id=activity.pk)
                .values(f"{model._meta.model_name}_id")
            )
            if activity and activity.pk
            else Q(pk__in=[])
        )
        queries.append(
            model._default_manager.filter(Q(created__gte=since) | linked)
            .order_by()
            .values_list(Value(name, output_field=text), "pk", Cast(label, text))
        )
    choices: dict[str, list[tuple[int, str]]] = {name: [] for name in LINKS}
    for name, pk, label in queries[0].union(*queries[1:]):
        choices[name].append((pk, label))
    for rows in choices.values():
        rows.sort(key=lambda row: -row[0])  # newest first
    return choices


def linked_ids(activity: Activity) -> dict[str, list[int]]:
    """What an activity links to, in one UNION query over the four link tables."""
    text = CharField()
    queries = [
        getattr(Activity, name)
        .through.objects.filter(activity_id=activity.pk)
        .order_by()
        .values_list(Value(name, output_field=text), f"{model._meta.model_name}_id")
        for name, (model, _label, _name) in LINKS.items()
    ]
    found: dict[str, list[int]] = {name: [] for name in LINKS}
    for name, pk in queries[0].union(*queries[1:]):
        found[name].append(pk)
    return found


class ActivityForm(DKFDSModelForm):
    responsible_email = PersonByEmailField(
        label=_("Ansvarlig (e-mail)"), required=False, help_text=_("Fx hr@eksempel.dk.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = ["title", "description", "forum", "kind", "quarter", "until_quarter", "day", "status"]
        widgets = {"day": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].widget.choices = [(f.pk, str(f)) for f in Forum.objects.all()]
        choices = link_choices(self.instance)
        linked = linked_ids(self.instance) if self.instance.pk else {}
        for name, (model, label, _name) in LINKS.items():
            field = forms.ModelMultipleChoiceField(
                label=label,
                queryset=model.objects.all(),
                required=False,
                help_text=_("Hold Ctrl (⌘ på Mac) nede for at vælge flere."),
            )
            field.widget.choices = choices[name]
            self.fields[name] = field
            self.initial[name] = linked.get(name, [])
        if self.instance.pk:
            self.initial["version"] = self.instance.version
            if self.instance.responsible:
                self.initial["responsible_email"] = self.instance.responsible.email

    def save_links(self, activity: Activity) -> None:
        for name in LINKS:
            getattr(activity, name).set(self.cleaned_data[name])


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

    def __init__(self, *args, forums: list[Forum], **kwargs):
        super().__init__(*args, **kwargs)
        # Lists built once (a select re-reads its queryset each time it renders); the tables validate.
        self.fields["forum"].queryset = Forum.objects.filter(pk__in=[f.pk for f in forums])
        self.fields["forum"].widget.choices = [(f.pk, str(f)) for f in forums]
        self.fields["forum"].error_messages["invalid_choice"] = _("Vælg et af de fora, du følger.")
        self.fields["meeting"].help_text = _("Når punktet kommer fra et dialogmødes »Vejen videre«.")
        self.fields["action_plan"].queryset = ActionPlan.objects.select_related("survey", "unit")
        self.fields["action_plan"].label_from_instance = lambda p: f"{p.unit.name} – {p.survey.round}"
        self.fields["action_plan"].help_text = _("Når punktet kommer fra en handleplan efter en måling.")
        chosen = self.instance if self.instance.pk else None
        for name, newest in (
            ("meeting", Meeting.objects.order_by("-created")),
            ("action_plan", self.fields["action_plan"].queryset.order_by("-created")),
            ("activity", Activity.objects.order_by("-quarter", "title")),
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
