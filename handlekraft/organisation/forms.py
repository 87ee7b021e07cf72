from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.lib import ratelimit
from handlekraft.lib.csv_files import ImportFailed, decode
from handlekraft.lib.forms import DKFDSBoundField, DKFDSForm, DKFDSModelForm
from handlekraft.lib.hashing import sha256_hex
from handlekraft.notifications import outbox
from handlekraft.notifications.kinds import KINDS

from .models import PersonalToken, SignInCode, User

MAX_UPLOAD = 50 * 1024 * 1024
RESET_LIMIT, RESET_WINDOW = 3, 60 * 60  # reset e-mails to one address per hour


class ImportOrgForm(forms.Form):
    units = forms.FileField(label=_("UNITS.csv"), help_text=_("external_id,name,parent_external_id,kind"))
    people = forms.FileField(
        label=_("PEOPLE.csv"),
        required=False,
        help_text=_("email,name,unit_external_id,role og eventuelt external_id,start_date,end_date"),
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
            elif upload:
                data[f"{name}_text"] = self._text(name, upload)
        if data.get("deactivate_missing") and not data.get("people"):
            self.add_error("people", _("Vælg en PEOPLE.csv, når personer, der mangler, skal deaktiveres."))
        return data

    def _text(self, name: str, upload) -> str | None:
        """The file's text, or None with one message next to the field: which line, and what to do."""
        label = "UNITS.csv" if name == "units" else "PEOPLE.csv"
        try:
            return decode(upload.read(), label)
        except ImportFailed as failed:
            advice = _("Gem filen i Excel som «CSV UTF-8 (kommasepareret)», og vælg den igen.")
            self.add_error(name, f"{failed.errors[0]}. {advice}")
            return None


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


class LoginForm(AuthenticationForm):
    bound_field_class = DKFDSBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext_lazy("E-mail")
        # No autofocus: keyboard and screen-reader users start at the skip link like on every page.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")

    def clean_username(self) -> str:
        # One account whatever the case ("Leder@…" from a phone), also for the lockout's count.
        return (self.cleaned_data.get("username") or "").strip().lower()


class DKFDSPasswordResetForm(PasswordResetForm):
    bound_field_class = DKFDSBoundField

    def get_users(self, email):
        # People imported from the HR system have no password yet: the reset link is how they get one.
        return User.objects.filter(email__iexact=email, is_active=True)

    def save(self, *args, request=None, **kwargs):
        """At most RESET_LIMIT reset e-mails an hour to one address: the page says the same either way, so
        nobody learns anything, and nobody can flood a colleague's inbox."""
        key = "reset:" + sha256_hex(self.cleaned_data["email"].strip().lower())
        if ratelimit.hit(key, RESET_WINDOW) > RESET_LIMIT:
            return None
        return super().save(*args, request=request, **kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Through the outbox, so an SMTP outage never makes the reset page fail; the link waits there."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        outbox.queue(to_email, subject, body)


class DKFDSSetPasswordForm(SetPasswordForm):
    bound_field_class = DKFDSBoundField


CODE_TRIES, CODE_WINDOW = 10, 15 * 60  # wrong one-time codes from one address per quarter of an hour


class SignInCodeForm(DKFDSForm):
    """Signing in with the personal one-time code a leader printed (no e-mail, no SSO at hand)."""

    code = forms.CharField(
        label=_("Din engangskode"),
        max_length=20,
        help_text=_("Den står på den seddel, din leder har givet dig. Fx ABCDE-FGH23."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, address_key: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.address_key = address_key
        self.user: User | None = None

    def clean_code(self) -> str:
        raw = self.cleaned_data["code"]
        if ratelimit.count(self.address_key) >= CODE_TRIES:
            raise forms.ValidationError(_("For mange forkerte koder. Vent et kvarter, og prøv igen."))
        self.user = SignInCode.redeem(raw)
        if self.user is None:
            ratelimit.hit(self.address_key, CODE_WINDOW)
            raise forms.ValidationError(
                _("Koden virker ikke: den findes ikke, er brugt eller udløbet. Bed din leder om en ny.")
            )
        return raw


class SignInCodesForm(DKFDSForm):
    """A leader chooses the people of the unit to print a personal one-time code for."""

    people = forms.ModelMultipleChoiceField(
        label=_("Hvem skal have en kode?"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst én person.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people
        self.fields["people"].label_from_instance = self.label_of

    @staticmethod
    def label_of(user: User) -> str:
        if user.email:
            return user.name
        return str(_("%(name)s (ingen e-mail)") % {"name": user.name})
