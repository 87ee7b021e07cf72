from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.lib.forms import DKFDSForm, DKFDSModelForm
from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.models import Membership, SiteSettings, Unit, User

from .models import BODY_MAX, PART_MAX, Experiment, Profession, Recognition, Story, Theme
from .naming import citizens_named, colleagues_named

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STORY_TEXT_FIELDS = ("title", "body", "meaning", "learning")
WORKPLACE_DEPTH = 2  # kommune (0) → område (1) → afdeling/arbejdsplads (2) → team (3)


class StoryForm(DKFDSModelForm):
    """Write or edit a story. The choices (units, areas in force, colleagues) follow the author's units."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    theme_choices = forms.MultipleChoiceField(
        label=_("Temaer"),
        required=False,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Kolleger, der nævnes i historien"),
        required=False,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"picker": True}),
        help_text=_(
            "De bliver spurgt om samtykke, før historien bliver offentliggjort. De kan sige nej uden at "
            "give en grund."
        ),
    )
    other_people = forms.CharField(
        label=_("Kolleger fra andre enheder (e-mail)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Én e-mailadresse pr. linje."),
    )
    # Shown only when the text seems to name a citizen by full name (see clean()).
    not_a_citizen = forms.BooleanField(
        label=_("Navnet er ikke en borgers"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_(
            "Sæt kun kryds, hvis navnet fx er en kollegas fra en anden kommune, et sted eller en forening."
        ),
    )

    class Meta:
        model = Story
        fields = [
            "kind",
            "title",
            "body",
            "meaning",
            "learning",
            "citizen_consent",
            "unit",
            "theme_choices",
            "professions",
            "decision_area",
            "experiment",
            "people",
            "other_people",
            "visibility",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 6, "maxlength": BODY_MAX}),
            "meaning": forms.Textarea(attrs={"rows": 3, "maxlength": PART_MAX}),
            "learning": forms.Textarea(attrs={"rows": 3, "maxlength": PART_MAX}),
            "citizen_consent": forms.RadioSelect,
            "professions": forms.CheckboxSelectMultiple(attrs={"picker": True}),  # a search box picks
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "kind": _(
                "En lærende historie fortæller om noget, der ikke gik som ventet, og hvad I lærte. "
                "Den fortælles uden at placere skyld."
            ),
            "body": _("Fortæl konkret, hvad der skete. Skriv ikke navne eller CPR-numre på borgere."),
            "learning": _("Skal udfyldes for en lærende historie."),
            "citizen_consent": _("Skal udfyldes for en borgerfortælling."),
            "visibility": _("Kun mit område: kun kolleger i samme område kan læse historien."),
        }

    def __init__(self, *args, author: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.fields["theme_choices"].help_text = gettext(
            "De fire temaer fra arbejdet med %(word)s. Vælg dem, historien handler om."
        ) % {"word": SiteSettings.current().agency_word}
        units = {m.unit.pk: m.unit for m in author.memberships}
        if self.instance.pk and self.instance.unit_id not in units:
            units[self.instance.unit_id] = self.instance.unit
        self.units = units
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=units).order_by("path")
        self.fields["unit"].empty_label = None
        self.fields["kind"].choices = Story.Kind.choices
        self.fields["citizen_consent"].choices = Story.CitizenConsent.choices
        self.fields["visibility"].choices = Story.Visibility.choices
        self.fields["professions"].queryset = Profession.objects.order_by("name")
        # Areas in force for any of the author's units; clean() checks the one chosen for the story's unit.
        self.in_force = {
            u: {a.pk: a for a in DecisionArea.objects.for_unit(unit)} for u, unit in units.items()
        }
        choices = {pk: a.title for areas in self.in_force.values() for pk, a in areas.items()}
        self.fields["decision_area"] = forms.TypedChoiceField(
            label=_("Brugte råderummet"),
            help_text=_("Det beslutningsområde i jeres råderum, som historien viser i brug."),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", "---------"), *sorted(choices.items(), key=lambda c: c[1])],
        )
        lineage = {pk for unit in units.values() for pk in unit.lineage_ids}
        near = Q(unit_id__in=lineage)
        for unit in units.values():
            near |= Q(unit__path__startswith=unit.path)
        self.fields["experiment"].queryset = Experiment.objects.filter(near).order_by("-start")
        self.fields["experiment"].help_text = _("Hvis historien kommer fra en prøvehandling.")
        # Colleagues at the same workplace: everyone in the department (depth 2) the author works in.
        workplaces = Q()
        for unit in units.values():
            if unit.depth < WORKPLACE_DEPTH:  # an area or the whole municipality: the nearest colleagues only
                workplaces |= Q(unit=unit) | Q(unit__parent=unit)
            else:
                workplace = unit.lineage_ids[: WORKPLACE_DEPTH + 1]
                workplaces |= Q(unit__path__startswith="/" + "/".join(map(str, workplace)) + "/")
        members = Membership.objects.filter(workplaces, user__is_active=True).values("user_id")
        self.fields["people"].queryset = User.objects.filter(pk__in=members).exclude(pk=author.pk)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
            self.initial["theme_choices"] = self.instance.theme_list
            self.initial["decision_area"] = self.instance.decision_area_id
            named = [p.user for p in self.instance.people.all()]
            nearby = set(self.fields["people"].queryset.values_list("pk", flat=True))
            self.initial["people"] = [u.pk for u in named if u.pk in nearby]
            self.initial["other_people"] = "\n".join(u.email for u in named if u.pk not in nearby)

    def clean_decision_area(self):
        return self.cleaned_data.get("decision_area")

    def clean_other_people(self):
        lines = [
            line.strip().lower() for line in self.cleaned_data["other_people"].splitlines() if line.strip()
        ]
        found = {u.email: u for u in User.objects.filter(email__in=lines, is_active=True)}
        missing = [line for line in lines if line not in found]
        if missing:
            raise forms.ValidationError(
                gettext("Der er ingen medarbejder med e-mailen %(emails)s.") % {"emails": ", ".join(missing)}
            )
        return [found[line] for line in dict.fromkeys(lines) if found[line].pk != self.author.pk]

    def clean(self):
        data = super().clean()
        kind, unit = data.get("kind"), data.get("unit")
        lacking = Story.what_the_kind_needs(
            kind or "", data.get("learning") or "", data.get("citizen_consent") or ""
        )
        for field, message in lacking.items():
            self.add_error(field, message)
        if kind != Story.Kind.CITIZEN:
            data["citizen_consent"] = ""
        self._check_names(data)
        area_pk = data.get("decision_area")
        if area_pk and unit:
            area = self.in_force.get(unit.pk, {}).get(area_pk)
            if area is None:
                self.add_error(
                    "decision_area",
                    gettext("Beslutningsområdet gælder ikke for den enhed, historien er fra."),
                )
            data["decision_area"] = area
        return data

    def _check_names(self, data: dict) -> None:
        """Colleagues named in the text but not ticked are ticked for the author to confirm by sending
        again, so they are asked for consent; a citizen named by full name must be anonymised."""
        text = " ".join(data.get(f) or "" for f in STORY_TEXT_FIELDS)
        named = colleagues_named(text)
        chosen = {u.pk for u in [*(data.get("people") or []), *(data.get("other_people") or [])]}
        missing = [u for u in named if u.pk != self.author.pk and u.pk not in chosen]
        if missing and "other_people" in data:
            nearby = set(
                self.fields["people"]
                .queryset.filter(pk__in=[u.pk for u in missing])
                .values_list("pk", flat=True)
            )
            changed = self.data.copy()  # type: ignore[attr-defined]  # the posted QueryDict
            for user in missing:
                if user.pk in nearby:
                    changed.appendlist(self.add_prefix("people"), str(user.pk))
                else:
                    key = self.add_prefix("other_people")
                    changed[key] = "\n".join(filter(None, [changed.get(key, "").strip(), user.email]))
            self.data = changed
            self.add_error(
                "people",
                gettext(
                    "Du nævner %(names)s i teksten. Vi har sat kryds, så de bliver spurgt om samtykke, før "
                    "historien deles. Send igen for at bekræfte, eller fjern navnet fra teksten."
                )
                % {"names": ", ".join(u.name for u in missing)},
            )
        citizens = citizens_named(text, named)
        if citizens and not data.get("not_a_citizen"):
            self.fields["not_a_citizen"].widget = forms.CheckboxInput()
            self.add_error(
                "body",
                gettext(
                    "Teksten ser ud til at nævne en borger ved fuldt navn (%(names)s). Skriv fx kun "
                    "fornavnet eller »borgeren«, så borgeren ikke kan genkendes."
                )
                % {"names": ", ".join(f"»{n}«" for n in citizens)},
            )

    def named_people(self) -> list[User]:
        """Everyone the author named, from both fields, without duplicates."""
        people = [*self.cleaned_data.get("people", []), *self.cleaned_data.get("other_people", [])]
        return list({u.pk: u for u in people}.values())

    def save(self, commit: bool = True) -> Story:
        story = super().save(commit=False)
        story.themes = " ".join(self.cleaned_data.get("theme_choices") or [])
        story.decision_area = self.cleaned_data.get("decision_area")
        if commit:
            story.save()
            self.save_m2m()
        return story

    def text_changed(self) -> bool:
        return any(name in self.changed_data for name in STORY_TEXT_FIELDS)


class RecognitionForm(DKFDSModelForm):
    class Meta:
        model = Recognition
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "maxlength": 300})}
        help_texts = {"note": _("Valgfri. Kun fortælleren og kollegerne i historien kan se den.")}


class HideForm(DKFDSForm):
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_cpr],
        help_text=_("Fortælleren får begrundelsen at se. Den bliver også gemt i loggen."),
    )


class FeedFilterForm(DKFDSForm):
    q = forms.CharField(label=_("Søg i historierne"), required=False, max_length=200)
    slags = forms.ChoiceField(
        label=_("Slags historie"), required=False, choices=[("", _("Alle slags")), *Story.Kind.choices]
    )
    enhed = forms.CharField(label=_("Område eller enhed"), required=False)
    tema = forms.ChoiceField(
        label=_("Tema"), required=False, choices=[("", _("Alle temaer")), *Theme.choices]
    )
    fag = forms.CharField(label=_("Fagområde"), required=False)
    fra = forms.DateField(label=_("Fra dato"), required=False, widget=DATE)
    til = forms.DateField(label=_("Til dato"), required=False, widget=DATE)
    min_enhed = forms.BooleanField(label=_("Kun fra min enhed"), required=False)

    def __init__(self, *args, units, professions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enhed"].widget = forms.Select(choices=[("", _("Hele organisationen")), *units])
        self.fields["fag"].widget = forms.Select(choices=[("", _("Alle fagområder")), *professions])

    def clean(self):
        data = super().clean()
        start, end = data.get("fra"), data.get("til")
        if start and end and end < start:
            self.add_error("til", gettext("Til-datoen skal ligge efter fra-datoen."))
        return data
