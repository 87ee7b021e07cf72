from __future__ import annotations

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import TEXT_MAX, validate_no_cpr
from handlekraft.lib.forms import DKFDSForm
from handlekraft.lib.locking import VersionField
from handlekraft.organisation.models import User

from .models import NOTE_MAX, Meeting, MeetingTemplate
from .rules import forums_for

MAX_COLUMNS = 5
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(DKFDSForm):
    """Plan a meeting: title, forum (a committee or a unit), time, columns with their questions."""

    title = forms.CharField(label=_("Titel"), max_length=200, validators=[validate_no_cpr])
    forum = forms.ChoiceField(
        label=_("Forum"), help_text=_("Det MED-udvalg eller den enhed, mødet holdes i.")
    )
    starts_at = forms.DateTimeField(label=_("Dato og tidspunkt"), required=False, widget=DATETIME)
    version = VersionField()

    def __init__(
        self, *args, user, meeting: Meeting | None = None, template: MeetingTemplate | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.user = user
        committees, units = forums_for(user)
        self.committees = {f"udvalg-{c.pk}": c for c in committees}
        self.units = {f"enhed-{u.pk}": u for u in units}
        self.fields["forum"].choices = [
            (gettext("MED-udvalg"), [(k, c.name) for k, c in self.committees.items()]),
            (gettext("Enheder"), [(k, u.name) for k, u in self.units.items()]),
        ]
        columns = (meeting.columns if meeting else None) or (template.columns if template else None)
        columns = columns or MeetingTemplate._meta.get_field("columns").default()
        self.existing_keys = [c["key"] for c in columns]
        for n in range(MAX_COLUMNS):
            column = columns[n] if n < len(columns) else {"title": "", "prompts": []}
            self.fields[f"column_{n}"] = forms.CharField(
                label=gettext("Kolonne %(n)s") % {"n": n + 1},
                required=n == 0,
                max_length=100,
                initial=column["title"],
                validators=[validate_no_cpr],
            )
            self.fields[f"prompts_{n}"] = forms.CharField(
                label=gettext("Spørgsmål til kolonne %(n)s") % {"n": n + 1},
                required=False,
                initial="\n".join(column.get("prompts", [])),
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Valgfrit. Ét spørgsmål pr. linje; deltagerne ser dem, når de skriver."),
                validators=[validate_no_cpr],
            )
        if meeting is not None:
            self.initial.setdefault("version", meeting.version)
            self.initial.setdefault("title", meeting.title)
            self.initial.setdefault("starts_at", meeting.starts_at)
            key = f"udvalg-{meeting.committee_id}" if meeting.committee_id else f"enhed-{meeting.unit_id}"
            self.initial.setdefault("forum", key)
        elif template is not None:
            self.initial.setdefault("title", template.name)

    def columns(self) -> list[dict]:
        """The columns with stable keys: a column keeps its key while notes may point at it."""
        result, used = [], set()
        for n in range(MAX_COLUMNS):
            title = self.cleaned_data.get(f"column_{n}", "").strip()
            if not title:
                continue
            key = self.existing_keys[n] if n < len(self.existing_keys) else slugify(title)[:30] or f"k{n}"
            while key in used:
                key = f"{key}-{n}"
            used.add(key)
            prompts = [p.strip() for p in self.cleaned_data.get(f"prompts_{n}", "").splitlines() if p.strip()]
            result.append({"key": key, "title": title, "prompts": prompts})
        return result

    def apply(self, meeting: Meeting) -> Meeting:
        forum = self.cleaned_data["forum"]
        meeting.title = self.cleaned_data["title"]
        meeting.starts_at = self.cleaned_data["starts_at"]
        meeting.committee = self.committees.get(forum)
        meeting.unit = self.units.get(forum)
        meeting.columns = self.columns()
        return meeting


class FacilitatorForm(DKFDSForm):
    email = forms.EmailField(label=_("Tilføj facilitator (e-mail)"))

    def clean_email(self):
        user = User.objects.filter(email=self.cleaned_data["email"].lower(), is_active=True).first()
        if user is None:
            raise forms.ValidationError(gettext("Der er ingen medarbejder med den e-mail."))
        return user


class GroupForm(DKFDSForm):
    name = forms.CharField(label=_("Ny gruppe"), max_length=120, validators=[validate_no_cpr])
    column = forms.CharField(widget=forms.HiddenInput)


class PollForm(DKFDSForm):
    question = forms.CharField(label=_("Spørgsmål"), max_length=300, validators=[validate_no_cpr])
    options = forms.CharField(
        label=_("Svarmuligheder"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Én svarmulighed pr. linje, mindst to."),
        validators=[validate_no_cpr],
    )
    multiple = forms.BooleanField(label=_("Deltagerne må vælge flere svar"), required=False)

    def clean_options(self):
        options = [line.strip()[:200] for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if len(options) < 2:
            raise forms.ValidationError(gettext("Skriv mindst to svarmuligheder, én pr. linje."))
        return list(dict.fromkeys(options))


class NoteForm(DKFDSForm):
    """The participant's note. Errors from notes.post_note are added to it, next to the field."""

    column = forms.ChoiceField(label=_("Hvor hører din note hjemme?"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Din note"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX}),
        help_text=_("Højst 500 tegn. Skriv ikke navne eller CPR-numre på borgere."),
        error_messages={"required": _("Skriv noget i noten, før du sender den.")},
    )
    first_name = forms.CharField(
        label=_("Dit fornavn"),
        required=False,
        max_length=40,
        help_text=_("Valgfrit. Uden navn er din note anonym."),
        validators=[validate_no_cpr],
    )
    client_id = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].choices = [(c["key"], c["title"]) for c in meeting.columns]
        self.fields["column"].initial = meeting.column_keys[0] if meeting.columns else None


class JoinForm(DKFDSForm):
    code = forms.CharField(
        label=_("Mødets kode"), max_length=20, help_text=_("Koden står på skærmen i mødelokalet.")
    )
