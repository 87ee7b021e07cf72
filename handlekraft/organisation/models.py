"""The organisation: units, people and their roles, MED committees, site settings and API tokens."""

from __future__ import annotations

import secrets
from contextvars import ContextVar
from datetime import date, timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.hashing import sha256_hex

PATH_SEPARATOR = "/"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str | None, password: str | None = None, **fields) -> User:
        if not email and not fields.get("external_id"):
            raise ValueError("an e-mail or an external_id is required")
        user = self.model(email=self.normalize_email(email).lower() if email else None, **fields)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        """Signing in ignores case: phones capitalise the first letter ("Leder@eksempel.dk")."""
        return self.get(email__iexact=(username or "").strip())


class User(AbstractBaseUser, PermissionsMixin):
    """A person who works in the municipality. Signs in with e-mail (and password or SSO); a person
    without a work e-mail (many frontline staff) signs in through SSO, matched on their `external_id`,
    or with a one-time code from their leader."""

    email = models.EmailField(_("e-mail"), unique=True, null=True, blank=True)
    # The person's stable key in HR or OS2mo: imports and syncs find the person by it, so an e-mail that
    # changes keeps the person.
    external_id = models.CharField(_("medarbejdernøgle"), max_length=100, blank=True, default="")
    name = models.CharField(_("navn"), max_length=200)
    language = models.CharField(
        _("sprog"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    # The single sign-on provider's stable key for the person (Entra's oid, else sub), stored at the first
    # SSO login; empty until then.
    sso_subject = models.CharField(_("nøgle hos kommunens login"), max_length=255, blank=True, default="")
    is_staff = models.BooleanField(_("teknisk administrator"), default=False)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)
    # Set when the person left (their last role ended, or HR or OS2mo no longer has them): the account
    # closes at once, and their personal data is erased after the retention period (organisation/leaving.py).
    left_on = models.DateField(_("fratrådt"), null=True, blank=True)
    erased = models.DateTimeField(_("personoplysninger slettet"), null=True, blank=True)
    # The person's own choice: the stories they wrote stay (as "en tidligere medarbejder") after they leave.
    keep_stories = models.BooleanField(_("mine historier må blive, når jeg stopper"), default=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["sso_subject"], condition=~models.Q(sso_subject=""), name="one_person_per_sso_login"
            ),
            models.UniqueConstraint(
                fields=["external_id"], condition=~models.Q(external_id=""), name="one_person_per_external_id"
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email or self.external_id

    def clean(self) -> None:
        super().clean()
        self.email = self.email.lower() if self.email else None
        if not self.email and not self.external_id:
            raise ValidationError(
                {"email": _("Angiv en e-mailadresse eller en medarbejdernøgle (fra HR eller OS2mo).")}
            )

    def choose_language(self, code: str) -> None:
        """The language the pages are shown in, on whatever device the person signs in from."""
        if self.language != code:
            self.language = code
            self.save(update_fields=["language"])

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else (self.email or "")

    @cached_property
    def memberships(self) -> list[Membership]:
        """All of this person's roles, with their units: one query, then reused for every check."""
        if not self.pk:
            return []
        return list(self.membership_set.select_related("unit").order_by("role", "unit__name"))

    @cached_property
    def committee_memberships(self) -> list[CommitteeMember]:
        if not self.pk:
            return []
        return list(self.committeemember_set.select_related("committee__unit").order_by("committee__name"))

    @property
    def primary_unit(self) -> Unit | None:
        """The unit a person works in: where they are employee or leader, else any unit of theirs."""
        by_role = {m.role: m.unit for m in reversed(self.memberships)}
        for role in (Role.EMPLOYEE, Role.LEADER, Role.TR, Role.AMR, Role.HR):
            if role in by_role:
                return by_role[role]
        return None


class Unit(models.Model):
    """A unit of the organisation tree: the municipality, an area, a department or a team.

    `path` holds the ids from the root down to this unit ("/1/4/17/"), so that the ancestors
    and the whole subtree each cost one query however deep the tree is.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "kommune", _("Kommune")
        AREA = "omraade", _("Område")
        DEPARTMENT = "afdeling", _("Afdeling")
        TEAM = "team", _("Team")

    external_id = models.CharField(_("eksternt id"), max_length=100, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("overordnet enhed"),
        null=True,
        blank=True,
        related_name="children",
        on_delete=models.PROTECT,
    )
    path = models.CharField(max_length=1000, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("enhed")
        verbose_name_plural = _("enheder")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.pk is None:  # the path holds the unit's own id, so it needs one first
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
        old_path, self.path = self.path, self.computed_path()
        self.depth = self.path_depth(self.path)
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            self.rebase_descendants(old_path)

    def get_absolute_url(self) -> str:
        return reverse("unit", args=[self.external_id])

    def clean(self) -> None:
        if self.pk and self.parent and self.parent.path.startswith(self.path or "\0"):
            raise ValidationError({"parent": _("En enhed kan ikke ligge under sig selv.")})

    def computed_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else PATH_SEPARATOR
        return f"{prefix}{self.pk}{PATH_SEPARATOR}"

    @staticmethod
    def path_depth(path: str) -> int:
        return path.strip(PATH_SEPARATOR).count(PATH_SEPARATOR)

    def rebase_descendants(self, old_path: str) -> None:
        descendants = list(Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk))
        for unit in descendants:
            unit.path = self.path + unit.path[len(old_path) :]
            unit.depth = self.path_depth(unit.path)
        Unit.objects.bulk_update(descendants, ["path", "depth"])

    @property
    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to the parent, read from the path without a query."""
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR)[:-1] if part]

    @property
    def lineage_ids(self) -> list[int]:
        """The ancestors' ids and this unit's own, root first."""
        return [*self.ancestor_ids, self.pk]

    @property
    def area_id(self) -> int:
        """The id of the area the unit lies in: the unit just below the root (the root for itself)."""
        lineage = self.lineage_ids
        return lineage[1] if len(lineage) > 1 else lineage[0]

    def nearest_leaders(self, excluding: User | None = None) -> list[User]:
        """The leaders closest to the unit: its own, or else those of the nearest unit above with a leader.

        A leader who asks about their own unit's råderum asks the leader above (a middle manager's mandate
        is set by the unit above), never themselves: pass them as `excluding`.
        """
        lineage = self.lineage_ids
        memberships = Membership.objects.filter(
            unit_id__in=lineage, role=Role.LEADER, user__is_active=True
        ).select_related("user")
        by_unit: dict[int, list[User]] = {}
        for m in memberships:
            by_unit.setdefault(m.unit_id, []).append(m.user)
        for pk in reversed(lineage):
            leaders = [u for u in by_unit.get(pk, []) if excluding is None or u.pk != excluding.pk]
            if leaders:
                return leaders
        return []

    def ancestors(self) -> list[Unit]:
        """Root first; one query."""
        by_id = Unit.objects.in_bulk(self.ancestor_ids)
        return [by_id[pk] for pk in self.ancestor_ids if pk in by_id]

    def subtree(self) -> models.QuerySet[Unit]:
        """This unit and every unit below it; one query."""
        return Unit.objects.filter(path__startswith=self.path)

    def is_within(self, other: Unit) -> bool:
        """True when this unit is `other` or lies below it."""
        return self.path.startswith(other.path)


class Role(models.TextChoices):
    EMPLOYEE = "medarbejder", _("Medarbejder")
    LEADER = "leder", _("Leder")
    TR = "tr", _("Tillidsrepræsentant (TR)")
    AMR = "amr", _("Arbejdsmiljørepræsentant (AMR)")
    HR = "hr", _("HR")


class Membership(models.Model):
    """A person's role in a unit. One person may hold several (leader of one unit and TR, say)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, verbose_name=_("enhed"), on_delete=models.CASCADE)
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    # From HR or OS2mo: the day the role began (unknown for roles from before dates were imported) and the
    # last day it holds; the daily task `apply_org_changes` ends it after that day.
    starts_on = models.DateField(_("startdato"), null=True, blank=True)
    ends_on = models.DateField(_("slutdato"), null=True, blank=True)

    class Meta:
        verbose_name = _("tilknytning")
        verbose_name_plural = _("tilknytninger")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role")
        ]
        indexes = [models.Index(fields=["unit", "role"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class PlannedRole(models.Model):
    """A role that begins on a later date (a leader hired for next month): the daily task
    `apply_org_changes` makes it a Membership on its start date. Gives no rights before that."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="planned_roles",
        on_delete=models.CASCADE,
    )
    unit = models.ForeignKey(Unit, verbose_name=_("enhed"), on_delete=models.CASCADE)
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    starts_on = models.DateField(_("startdato"))
    ends_on = models.DateField(_("slutdato"), null=True, blank=True)

    class Meta:
        verbose_name = _("kommende rolle")
        verbose_name_plural = _("kommende roller")
        ordering = ["starts_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="planned_role_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit} ({self.starts_on})"


class Committee(models.Model):
    """A MED committee (HU, OMU, LMU) covering one unit's subtree."""

    class Kind(models.TextChoices):
        HU = "HU", _("Hovedudvalg (HU)")
        OMU = "OMU", _("Område-MED-udvalg (OMU)")
        LMU = "LMU", _("Lokal-MED-udvalg (LMU)")
        OTHER = "andet", _("Andet udvalg")

    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=5, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("dækker enheden"),
        help_text=_("Udvalget dækker denne enhed og alle enheder under den."),
        related_name="committees",
        on_delete=models.PROTECT,
    )

    class Meta:
        verbose_name = _("MED-udvalg")
        verbose_name_plural = _("MED-udvalg")
        ordering = ["unit__path", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committee", args=[self.pk])


class CommitteeMember(models.Model):
    class Side(models.TextChoices):
        MANAGEMENT = "ledelse", _("Ledelsessiden")
        EMPLOYEES = "medarbejdere", _("Medarbejdersiden")

    class Position(models.TextChoices):
        CHAIR = "formand", _("Formand")
        VICE_CHAIR = "naestformand", _("Næstformand")
        MEMBER = "medlem", _("Medlem")
        SECRETARY = "sekretaer", _("Sekretær")

    committee = models.ForeignKey(
        Committee, verbose_name=_("udvalg"), related_name="members", on_delete=models.CASCADE
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE)
    side = models.CharField(_("side"), max_length=12, choices=Side.choices)
    position = models.CharField(_("rolle i udvalget"), max_length=12, choices=Position.choices)

    class Meta:
        verbose_name = _("udvalgsmedlem")
        verbose_name_plural = _("udvalgsmedlemmer")
        constraints = [models.UniqueConstraint(fields=["committee", "user"], name="committee_member_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.committee}"


MIN_ANONYMITY_THRESHOLD = 3  # below this, a "group" result is one or two people's answers


# While a request is answered: what it has read of the settings (None outside requests: tasks and
# commands always read the shared cache, so a long-running worker never keeps old settings).
SETTINGS_THIS_REQUEST: ContextVar[dict | None] = ContextVar("settings_this_request", default=None)


class SiteSettings(models.Model):
    """The municipality's own settings. There is one row (pk=1); `SiteSettings.current()` reads it."""

    CACHE_KEY = "handlekraft:site-settings"

    organisation_name = models.CharField(_("organisationens navn"), max_length=200, default="Kommunen")
    agency_word = models.CharField(
        _("ordet for aktørskab"),
        max_length=60,
        default="aktørskab",
        help_text=_(
            "Det ord, kommunen bruger om aktørskab (fx medledelse, samledelse, virkelyst eller "
            "handlekraft). Det bruges i teksterne overalt."
        ),
    )
    agency_description = models.TextField(
        _("kommunens beskrivelse af aktørskab"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_(
            "Et kort afsnit med kommunens egen beskrivelse. Det står på dialogmøder, hvis skabelon "
            "henviser til den (fx »Hvad er aktørskab for os?«)."
        ),
    )
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymitetsgrænse"),
        default=settings.DEFAULT_ANONYMITY_THRESHOLD,
        validators=[
            MinValueValidator(
                MIN_ANONYMITY_THRESHOLD,
                _("Grænsen skal være mindst 3: et resultat for én eller to personer er deres egne svar."),
            )
        ],
        help_text=_("Resultater vises aldrig for færre besvarelser end dette tal (mindst 3; normalt 5)."),
    )
    # How long data is kept (GDPR article 5(1)(e)); applied every night by `apply_org_changes`, and
    # written in the privacy notice ("Sådan behandler vi dine oplysninger").
    erase_leavers_after_days = models.PositiveSmallIntegerField(
        _("slet personoplysninger om fratrådte efter (dage)"),
        default=90,
        help_text=_(
            "Kontoen lukkes den dag, personen stopper. Efter så mange dage slettes eller anonymiseres "
            "alt om personen."
        ),
    )
    keep_meeting_notes_days = models.PositiveSmallIntegerField(
        _("gem noter fra dialogmøder i (dage)"),
        default=1095,
        help_text=_(
            "Regnet fra mødets dato. Noterne forsvinder også fra opsamlingernes temaer; "
            "temaernes navne og tekster bliver stående."
        ),
    )
    keep_pulse_comments_days = models.PositiveSmallIntegerField(
        _("gem kommentarer i målinger i (dage)"),
        default=730,
        help_text=_("Regnet fra målingens slutdato. Tallene bliver stående, så udviklingen kan følges."),
    )
    keep_notifications_days = models.PositiveSmallIntegerField(_("gem notifikationer i (dage)"), default=365)
    accessibility_statement_url = models.URLField(_("link til tilgængelighedserklæring"), blank=True)
    accessibility_contact = models.EmailField(_("kontakt om tilgængelighed"), blank=True)

    class Meta:
        verbose_name = _("indstillinger")
        verbose_name_plural = _("indstillinger")

    def __str__(self) -> str:
        return str(_("Indstillinger for %(name)s") % {"name": self.organisation_name})

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        if (memo := SETTINGS_THIS_REQUEST.get()) is not None:
            memo.pop("site", None)

    @property
    def safe_threshold(self) -> int:
        """The threshold in force: never below 3, whatever a database row says."""
        return max(MIN_ANONYMITY_THRESHOLD, self.anonymity_threshold)

    @classmethod
    def current(cls) -> SiteSettings:
        """The settings, from the shared cache (a database read when it has none); read once per request
        (auth.SettingsOncePerRequest), however many parts of the page ask."""
        memo = SETTINGS_THIS_REQUEST.get()
        if memo is not None and "site" in memo:
            return memo["site"]
        site = cache.get(cls.CACHE_KEY)
        if site is None:
            site = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, site, 60)
        if memo is not None:
            memo["site"] = site
        return site


class ErasureRecord(models.Model):
    """That a person's data was erased, when, by whom and why: the audit log of erasures. It names the
    person only by their (anonymised) row, never by name or e-mail."""

    class Reason(models.TextChoices):
        RETENTION = "periode", _("Slettefristen for fratrådte var nået")
        HR = "hr", _("Slettet af HR")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.PROTECT)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    reason = models.CharField(_("årsag"), max_length=8, choices=Reason.choices)
    created = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("sletning af personoplysninger")
        verbose_name_plural = _("log over sletninger af personoplysninger")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.person_id} – {self.get_reason_display()}"


SIGN_IN_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"  # read off paper: no 0/O, 1/I/L or 5/S


class SignInCode(models.Model):
    """A personal one-time code for signing in without e-mail or SSO (a shared PC in a kitchen, say),
    printed by the person's leader. Only its hash is stored; it works once, until it expires, and a new
    code for the same person voids the old ones."""

    VALID_DAYS = 30

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateField()
    used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("engangskode til login")
        verbose_name_plural = _("engangskoder til login")

    def __str__(self) -> str:
        return f"{self.user_id} {self.expires}"

    @staticmethod
    def normalised(raw: str) -> str:
        """What was typed, as the code reads: spaces and hyphens left out, capitals."""
        return "".join(ch for ch in raw.upper() if ch.isalnum())

    @classmethod
    def issue(cls, user: User) -> tuple[str, date]:
        """A new code for the person (the old unused ones stop working); returns it and its last day."""
        raw = "".join(secrets.choice(SIGN_IN_ALPHABET) for _ in range(10))
        expires = timezone.localdate() + timedelta(days=cls.VALID_DAYS)
        cls.objects.filter(user=user, used__isnull=True).delete()
        cls.objects.create(user=user, code_hash=sha256_hex(raw), expires=expires)
        return f"{raw[:5]}-{raw[5:]}", expires

    @classmethod
    def redeem(cls, raw: str) -> User | None:
        """The person whose unused, unexpired code this is (the code is used up now), else None."""
        code = (
            cls.objects.select_related("user")
            .filter(code_hash=sha256_hex(cls.normalised(raw)), used__isnull=True)
            .filter(expires__gte=timezone.localdate(), user__is_active=True)
            .first()
        )
        if code is None:
            return None
        # Used once: only the request that marks it gets the person, even two at the same time.
        if not cls.objects.filter(pk=code.pk, used__isnull=True).update(used=timezone.now()):
            return None
        return code.user


class PersonalToken(models.Model):
    """A personal API token. Only its SHA-256 hash is stored; the token is shown once."""

    PREFIX = "hk_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="tokens", on_delete=models.CASCADE)
    name = models.CharField(_("navn"), max_length=100, validators=[validate_no_cpr])
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.name

    hash = staticmethod(sha256_hex)

    def revoke(self) -> None:
        """The key stops working now; it stays listed as revoked."""
        self.revoked = timezone.now()
        self.save(update_fields=["revoked"])

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[PersonalToken, str]:
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, token_hash=cls.hash(raw), hint=raw[:7])
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> User | None:
        token = (
            cls.objects.select_related("user")
            .filter(token_hash=cls.hash(raw), revoked__isnull=True, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        now = timezone.now()
        if token.last_used is None or (now - token.last_used).total_seconds() > 300:
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token.user
