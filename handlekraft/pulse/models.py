"""Måling: a short recurring pulse on the conditions for aktørskab, anonymous by construction.

A `Response` holds the survey, the unit, the answers and the round: no person, no code, no timestamp,
no IP address, no user agent, and a random id that carries no order. Answer codes are stored as hashes
with a used flag only; the system never records which person got which code.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.lib.figures import UnitFigure
from handlekraft.lib.hashing import sha256_hex
from handlekraft.organisation.models import Unit

SCALE = [
    (0, _("Helt uenig")),
    (1, _("Uenig")),
    (2, _("Hverken enig eller uenig")),
    (3, _("Enig")),
    (4, _("Helt enig")),
]
COMMENT_MAX = 2000  # characters in an answer's comment (the answer page's textarea says the same)
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"  # no 0/O, 1/I/L or 5/S


class Construct(models.Model):
    """A condition for aktørskab that the pulse measures, e.g. "klart råderum"."""

    key = models.SlugField(_("nøgle"), max_length=40, unique=True)
    name = models.CharField(_("navn"), max_length=120)
    description = models.TextField(_("beskrivelse"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    source = models.CharField(_("kilde"), max_length=200, default="handlekraft")
    licence = models.CharField(_("licens"), max_length=200, default="AGPL-3.0-or-later (handlekraft)")

    class Meta:
        verbose_name = _("målt forhold")
        verbose_name_plural = _("målte forhold")
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.shown_name

    @property
    def shown_name(self) -> str:
        """The name in the reader's language: the built-in bank's are translated (pulse/bank.py); a
        construct HR wrote stays as written."""
        return gettext(self.name)

    @property
    def shown_description(self) -> str:
        return gettext(self.description) if self.description else ""


class Item(models.Model):
    chosen = ""  # set on the answer page: what the person ticked, kept through an error
    key = models.SlugField(_("nøgle"), max_length=40, unique=True)
    construct = models.ForeignKey(
        Construct, verbose_name=_("forhold"), related_name="items", on_delete=models.PROTECT
    )
    text = models.CharField(_("udsagn"), max_length=300)
    reversed = models.BooleanField(
        _("vendt"), default=False, help_text=_("Enig betyder en dårligere tilstand (fx aflæring).")
    )
    in_default_pulse = models.BooleanField(_("med i standardmålingen"), default=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    source = models.CharField(_("kilde"), max_length=200, default="handlekraft")
    licence = models.CharField(_("licens"), max_length=200, default="AGPL-3.0-or-later (handlekraft)")

    class Meta:
        verbose_name = _("udsagn")
        verbose_name_plural = _("udsagn")
        ordering = ["construct__order", "order", "key"]

    def __str__(self) -> str:
        return self.shown_text

    @property
    def shown_text(self) -> str:
        """The statement in the reader's language (the built-in bank's are translated)."""
        return gettext(self.text)

    def score(self, answer: int) -> int:
        """The answer on the 0–4 scale where higher is always better."""
        return 4 - answer if self.reversed else answer


class Survey(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planlagt", _("Planlagt")
        OPEN = "aaben", _("Åben")
        CLOSED = "lukket", _("Lukket")

    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed (og enhederne under)"), related_name="surveys", on_delete=models.PROTECT
    )
    opens = models.DateField(_("åbner"))
    closes = models.DateField(_("lukker"))
    items = models.ManyToManyField(Item, verbose_name=_("udsagn"), related_name="surveys")
    question = models.CharField(
        _("spørgsmål med fritekst"), max_length=300, blank=True, validators=[validate_no_cpr]
    )
    round = models.CharField(_("runde"), max_length=10, help_text=_("Fx 2026Q4"))
    repeat_quarterly = models.BooleanField(_("gentag hvert kvartal"), default=False)
    previous = models.ForeignKey(
        "self", null=True, blank=True, related_name="next_rounds", on_delete=models.SET_NULL
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The anonymity threshold its stored outcomes were decided at (None: not decided yet). A page that
    # finds another threshold in force decides again before it shows anything.
    decided_at_threshold = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")
        ordering = ["-opens", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("results:survey", args=[self.pk])

    @property
    def status(self) -> str:
        if self.closed_at is not None:
            return self.Status.CLOSED
        today = timezone.localdate()
        if today < self.opens:
            return self.Status.PLANNED
        if today > self.closes:
            return self.Status.CLOSED
        return self.Status.OPEN

    def get_status_display(self) -> str:
        """The status's label ("Åben"): `status` is worked out from the dates, so Django makes no such
        method for it."""
        return str(self.Status(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @staticmethod
    def round_of(day) -> str:
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"

    @classmethod
    def plan(cls, by, items, **fields) -> Survey:
        """A new survey of these items, in the round (quarter) its opening day falls in."""
        with transaction.atomic():
            survey = cls.objects.create(round=cls.round_of(fields["opens"]), created_by=by, **fields)
            survey.items.set(items)
        return survey


class AnswerCode(models.Model):
    """A single-use code. Only its hash and a used flag; the unit it is labelled with for the slips."""

    survey = models.ForeignKey(Survey, related_name="codes", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("svarkode")
        verbose_name_plural = _("svarkoder")

    def __str__(self) -> str:
        return self.code_hash[:8]

    @staticmethod
    def hash(raw: str) -> str:
        """The code as people type it: case, spaces and the hyphen do not matter ("6y26u 8bua7" is
        "6Y26U-8BUA7"); the hash is of the written form, as the codes were always stored."""
        typed = "".join(ch for ch in raw.upper() if ch.isalnum())
        return sha256_hex(f"{typed[:5]}-{typed[5:]}" if len(typed) == 10 else typed)

    @staticmethod
    def new_raw() -> str:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
        return f"{raw[:5]}-{raw[5:]}"


class Invitation(models.Model):
    """That a person was sent a code for a survey by e-mail (never which code), so sending can resume
    for those an outage left out. Who was asked is no secret; which code they got is."""

    survey = models.ForeignKey(Survey, related_name="invitations", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="invitation_unique")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.user_id}"


class Response(models.Model):
    """One person's answers. No person, no code, no time, no address: see the module's docstring."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # random: carries no order
    survey = models.ForeignKey(Survey, related_name="responses", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    round = models.CharField(max_length=10)
    answers = models.JSONField(default=dict)  # {item key: 0–4, or null for "Ved ikke"}
    comment = models.TextField(blank=True, validators=[validate_no_cpr, MaxLengthValidator(COMMENT_MAX)])

    class Meta:
        verbose_name = _("besvarelse")
        verbose_name_plural = _("besvarelser")
        indexes = [models.Index(fields=["survey", "unit"])]

    def __str__(self) -> str:
        return str(_("Anonym besvarelse"))


class Aggregate(models.Model):
    """Answers per survey, unit (its own respondents only) and item, stored when a survey closes.

    Pages read the subtree roll-ups (`Rollup`) and the counts (`UnitCount`) made from these at the same time.
    """

    survey = models.ForeignKey(Survey, related_name="aggregates", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    item = models.ForeignKey(Item, related_name="+", on_delete=models.CASCADE)
    respondents = models.PositiveIntegerField(default=0)  # responses from the unit (same for every item)
    distribution = models.JSONField(default=list)  # counts of answers 0..4, then "Ved ikke"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "unit", "item"], name="aggregate_unique")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.unit} · {self.item.key}"


class ActionPlan(models.Model):
    """A unit's handleplan after a survey: the dialogue about the result, written down as actions."""

    survey = models.ForeignKey(Survey, related_name="action_plans", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="action_plans", on_delete=models.CASCADE)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handleplan")
        verbose_name_plural = _("handleplaner")
        constraints = [models.UniqueConstraint(fields=["survey", "unit"], name="action_plan_unique")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.survey}"

    @classmethod
    def add_action(cls, survey: Survey, unit: Unit, action: Action) -> None:
        """Adds the action to the unit's plan for the survey, starting the plan with its first action."""
        with transaction.atomic():
            action.plan, _created = cls.objects.get_or_create(survey=survey, unit=unit)
            action.save()


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planlagt", _("Planlagt")
        RUNNING = "igang", _("I gang")
        DONE = "gennemfoert", _("Gennemført")

    plan = models.ForeignKey(ActionPlan, related_name="actions", on_delete=models.CASCADE)
    text = models.CharField(_("handling"), max_length=300, validators=[validate_no_cpr])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        null=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    due = models.DateField(_("frist"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    construct = models.ForeignKey(
        Construct,
        verbose_name=_("forhold"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlinger")
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.text

    def set_status(self, status: str) -> None:
        self.status = status
        self.save(update_fields=["status"])


class UnitCount(models.Model):
    """Respondents per unit for a closed survey: placed directly in it, and in its whole subtree."""

    survey = models.ForeignKey(Survey, related_name="unit_counts", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    direct = models.PositiveIntegerField(default=0)
    subtree = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "unit"], name="unit_count_unique")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.unit}: {self.subtree}"


class Rollup(models.Model):
    """A unit's whole subtree summed per item, stored when a survey closes, so a unit's result, its
    children's heatmap and its trend each read a handful of rows however large the organisation."""

    survey = models.ForeignKey(Survey, related_name="rollups", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    item = models.ForeignKey(Item, related_name="+", on_delete=models.CASCADE)
    distribution = models.JSONField(default=list)  # counts of answers 0..4, then "Ved ikke"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "unit", "item"], name="rollup_unique")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.unit} · {self.item_id}"


def status_figures(since: date) -> Iterator[UnitFigure]:
    """For "Status på aktørskab": action plans, and their actions by status."""
    for row in ActionPlan.objects.values("unit_id").annotate(n=Count("pk")):
        yield UnitFigure(row["unit_id"], "action_plans", row["n"])
    for action in Action.objects.values("plan__unit_id", "status").annotate(n=Count("pk")):
        yield UnitFigure(action["plan__unit_id"], "actions", action["n"], action["status"])


class UnitOutcome(models.Model):
    """What closing a survey decided for one unit's group (the unit and everything below it): how many
    answered, whether its figures and its comments may be shown (`lib/anonymity.py`, over the whole tree),
    and its score per construct. A results page reads these few rows instead of deciding again, so it
    costs the same whatever the number of units and rounds.

    The scores are those of the unit's roll-ups, which are kept anyway; a page shows them only when
    `shown` is true."""

    survey = models.ForeignKey(Survey, related_name="outcomes", on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, related_name="+", on_delete=models.CASCADE)
    respondents = models.PositiveIntegerField(default=0)
    shown = models.BooleanField(default=False)
    comments_shown = models.BooleanField(default=False)
    scores = models.JSONField(default=dict)  # construct key → 0–100, or null where nobody answered

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "unit"], name="unit_outcome_unique")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.unit}: {'shown' if self.shown else 'suppressed'}"
