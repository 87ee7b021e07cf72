"""Råderum: decision areas with a delegation level, limits and inform duties, and their history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.figures import UnitFigure
from handlekraft.lib.forms import format_amount
from handlekraft.lib.text import normalise_title, terms
from handlekraft.notifications.services import notify
from handlekraft.organisation.models import Role, Unit


class Level(models.IntegerChoices):
    """Management 3.0's seven delegation levels (GLOSSARY.md)."""

    TELL = 1, _("Fortælle – lederen beslutter og fortæller")
    SELL = 2, _("Sælge – lederen beslutter og forklarer hvorfor")
    CONSULT = 3, _("Høre – lederen beslutter efter at have hørt jer")
    AGREE = 4, _("Aftale – I og lederen beslutter sammen")
    ADVISE = 5, _("Rådgive – I beslutter efter råd fra lederen")
    INQUIRE = 6, _("Spørge ind – I beslutter, lederen spørger ind bagefter")
    DELEGATE = 7, _("Uddelegere – I beslutter selv")


SHORT_LABELS = {
    1: _("Fortælle"),
    2: _("Sælge"),
    3: _("Høre"),
    4: _("Aftale"),
    5: _("Rådgive"),
    6: _("Spørge ind"),
    7: _("Uddelegere"),
}

ANSWERS = {
    1: _("Nej, lederen beslutter."),
    2: _("Nej, lederen beslutter og forklarer hvorfor."),
    3: _("Nej, men lederen hører jer før beslutningen."),
    4: _("I beslutter sammen med lederen."),
    5: _("Ja, efter I har fået råd fra lederen."),
    6: _("Ja. Lederen spørger ind bagefter."),
    7: _("Ja, I beslutter selv."),
}

# From this level on, the team may decide without the leader's approval.
TEAM_DECIDES_FROM = 5


REVIEWED_WITHIN = timedelta(days=365)


class DecisionAreaQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(status=DecisionArea.Status.IN_FORCE)

    def reviewed_recently(self):
        """In force and changed (or saved again on review) within the last year."""
        return self.in_force().filter(updated__gte=timezone.now() - REVIEWED_WITHIN)

    def for_unit(self, unit: Unit) -> list[DecisionArea]:
        """The decision areas in force for `unit`, in one query whatever the depth of the tree.

        The unit's own areas, plus those of its ancestors that apply to subunits. An area whose title
        a closer unit also uses is replaced by the closer one ("Respekt for lokale forskelle").
        """
        depth = {pk: i for i, pk in enumerate(unit.lineage_ids)}
        candidates = self.in_force().filter(unit_id__in=depth).select_related("unit")
        chosen: dict[str, DecisionArea] = {}
        for area in sorted(candidates, key=lambda a: -depth[a.unit_id]):  # closest first
            if area.unit_id != unit.pk and not area.applies_to_subunits:
                continue
            chosen.setdefault(area.title_key, area)
        for area in chosen.values():
            area.inherited = area.unit_id != unit.pk
        return sorted(chosen.values(), key=lambda a: a.title.lower())


class DecisionArea(models.Model):
    """One kind of decision (beslutningsområde), owned by a unit, with its delegation level."""

    class Status(models.TextChoices):
        DRAFT = "kladde", _("Kladde")
        IN_FORCE = "gaeldende", _("Gældende")
        ARCHIVED = "arkiveret", _("Arkiveret")

    class Period(models.TextChoices):
        NONE = "", _("Ingen periode")
        EACH = "gang", _("pr. gang")
        DAY = "dag", _("pr. dag")
        WEEK = "uge", _("pr. uge")
        MONTH = "maaned", _("pr. måned")
        YEAR = "aar", _("pr. år")

    class InformWhen(models.TextChoices):
        NONE = "", _("Ingen orienteringspligt")
        BEFORE = "foer", _("Før I handler")
        AFTER = "efter", _("Efter I har handlet")

    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), related_name="decision_areas", on_delete=models.PROTECT
    )
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    description = models.TextField(_("beskrivelse"), blank=True, validators=FREE_TEXT)
    level = models.PositiveSmallIntegerField(_("delegeringsniveau"), choices=Level.choices)
    desired_level = models.PositiveSmallIntegerField(
        _("ønsket niveau"),
        choices=Level.choices,
        null=True,
        blank=True,
        help_text=_("Det niveau, I arbejder hen imod. Vises på delegeringstavlen."),
    )
    limits = models.TextField(
        _("hjørneflag"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_("Rammen om beslutningen: beløb, regler, serviceniveau, lov og tid. Én pr. linje."),
    )
    limit_amount = models.DecimalField(
        _("beløbsgrænse (kr.)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    limit_period = models.CharField(_("periode"), max_length=6, choices=Period.choices, blank=True)
    inform = models.TextField(
        _("orienteringspligt"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_("Hvem skal orienteres? Én pr. linje."),
    )
    inform_when = models.CharField(_("hvornår"), max_length=5, choices=InformWhen.choices, blank=True)
    coordinate_with = models.ManyToManyField(
        Unit,
        verbose_name=_("koordinér med"),
        related_name="+",
        blank=True,
        help_text=_("Enheder, I skal koordinere med, så initiativet har blik for helheden."),
    )
    examples = models.TextField(
        _("eksempler"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_("Konkrete eksempler på jeres fagniveau. Ét pr. linje."),
    )
    keywords = models.TextField(
        _("søgeord"), blank=True, help_text=_("Ord og synonymer, som folk bruger om det. Adskil med komma.")
    )
    asked = models.TextField(
        _("spørgsmål, det svarer på"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_(
            "Spørgsmål, som medarbejdere har stillet om området, skrevet uden navne. "
            "»Må jeg selv?« finder området ud fra dem. Ét pr. linje."
        ),
    )
    applies_to_subunits = models.BooleanField(_("gælder også enhederne under"), default=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    review_date = models.DateField(_("revideres senest"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    title_key = models.CharField(max_length=200, editable=False, db_index=True)
    search_index = models.JSONField(default=dict, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DecisionAreaQuerySet.as_manager()
    inherited = False  # set by for_unit(): the area is decided above the unit asked about

    class Meta:
        verbose_name = _("beslutningsområde")
        verbose_name_plural = _("beslutningsområder")
        ordering = ["title"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title_key = normalise_title(self.title)
        self.search_index = self.index_terms()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("mandates:area", args=[self.pk])

    def index_terms(self) -> dict[str, list[str]]:
        """The normalised terms "Må jeg selv?" searches, per field (lib/text.py)."""
        return {
            "title": terms(self.title),
            "keywords": terms(self.keywords),
            "examples": terms(self.examples),
            "description": terms(self.description),
            "limits": terms(self.limits),
            "questions": terms(self.asked),
        }

    @property
    def answer(self) -> str:
        """The plain answer to "Må jeg selv?" for this level."""
        return str(ANSWERS[self.level])

    @property
    def short_label(self) -> str:
        return str(SHORT_LABELS[self.level])

    @property
    def team_decides(self) -> bool:
        return self.level >= TEAM_DECIDES_FROM

    @property
    def needs_review(self) -> bool:
        return self.review_date is not None and self.review_date < timezone.localdate()

    @property
    def inform_when_phrase(self) -> str:
        """ "før I handler" for "Orientér (før I handler)": only the first letter lowered, so "I" stays."""
        label = str(self.get_inform_when_display()) if self.inform_when else ""
        return label[:1].lower() + label[1:]

    def limit_lines(self) -> list[str]:
        return [line.strip() for line in self.limits.splitlines() if line.strip()]

    def inform_lines(self) -> list[str]:
        return [line.strip() for line in self.inform.splitlines() if line.strip()]

    def example_lines(self) -> list[str]:
        return [line.strip() for line in self.examples.splitlines() if line.strip()]

    def save_first_version(self, unit: Unit, by, note: str, save_relations=None) -> None:
        """Saves a new area in the unit as its version 1 (`save_relations` saves a form's many-to-many)."""
        with transaction.atomic():
            self.unit, self.updated_by, self.version = unit, by, 1
            self.save()
            if save_relations is not None:
                save_relations()
            self.record_version(by, note)

    def archive(self, by) -> None:
        """No longer in force: a new version, kept with the others."""
        with transaction.atomic():
            self.status, self.version, self.updated_by = self.Status.ARCHIVED, self.version + 1, by
            self.save()
            self.record_version(by, gettext("Arkiveret"))

    def record_version(self, by, note: str = "") -> DecisionAreaVersion:
        """Keeps the area as it is now as its version number `self.version`, with who and why."""
        return DecisionAreaVersion.objects.create(
            area=self, number=self.version, data=self.snapshot(), changed_by=by, note=note
        )

    def asked_lines(self) -> list[str]:
        return [line.strip() for line in self.asked.splitlines() if line.strip()]

    def add_asked(self, question: str) -> bool:
        """Adds a question the area answers (one line), unless it is there already. True if added."""
        line = " ".join(question.split())
        if not line or line.lower() in {q.lower() for q in self.asked_lines()}:
            return False
        self.asked = "\n".join([*self.asked_lines(), line])
        return True

    def make_question_searchable(self, question: str, by) -> None:
        """Adds a question the area answers as a new version of the area ("Gør spørgsmålet søgbart"). The
        row is locked, so two leaders doing it at once both keep theirs."""
        with transaction.atomic():
            locked = DecisionArea.objects.select_for_update().get(pk=self.pk)
            if locked.add_asked(question):
                locked.version += 1
                locked.updated_by = by
                locked.save()
                locked.record_version(by, gettext("Et spørgsmål er gjort søgbart"))

    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]

    def amount_text(self) -> str:
        if self.limit_amount is None:
            return ""
        amount = format_amount(self.limit_amount)
        period = self.get_limit_period_display() if self.limit_period else ""
        return f"{amount} kr. {period}".strip()

    def snapshot(self) -> dict:
        """The fields a version records, as plain values."""
        return {
            "title": self.title,
            "description": self.description,
            "level": self.level,
            "desired_level": self.desired_level,
            "limits": self.limits,
            "limit_amount": str(self.limit_amount) if self.limit_amount is not None else "",
            "limit_period": self.limit_period,
            "inform": self.inform,
            "inform_when": self.inform_when,
            "examples": self.examples,
            "keywords": self.keywords,
            "asked": self.asked,
            "applies_to_subunits": self.applies_to_subunits,
            "status": self.status,
            "review_date": self.review_date.isoformat() if self.review_date else "",
        }


class DecisionAreaVersion(models.Model):
    """One saved state of a decision area: who changed what and when."""

    area = models.ForeignKey(DecisionArea, related_name="versions", on_delete=models.CASCADE)
    number = models.PositiveIntegerField()
    data = models.JSONField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[validate_no_cpr])

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["area", "number"], name="decision_area_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area} v{self.number}"


class MandateQuestionQuerySet(models.QuerySet):
    def open_for_leader(self, user) -> MandateQuestionQuerySet:
        """Open questions from the units this person leads (and the units below them): one query."""
        led = [m.unit.path for m in user.memberships if m.role == Role.LEADER]
        if not led:
            return self.none()
        condition = Q()
        for path in led:
            condition |= Q(unit__path__startswith=path)
        open_questions = self.filter(condition, status=MandateQuestion.Status.OPEN)
        return open_questions.exclude(asker=user).select_related("unit", "asker")


class MandateQuestion(models.Model):
    """'Spørg om råderummet': an employee's question to the leaders of their unit."""

    class Status(models.TextChoices):
        OPEN = "aaben", _("Afventer svar")
        ANSWERED = "besvaret", _("Besvaret")

    asker = models.ForeignKey(  # empty once the person who asked has left and been erased
        settings.AUTH_USER_MODEL, null=True, related_name="mandate_questions", on_delete=models.SET_NULL
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), related_name="mandate_questions", on_delete=models.CASCADE
    )
    text = models.TextField(_("dit spørgsmål"), max_length=1000, validators=FREE_TEXT)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_area = models.ForeignKey(
        DecisionArea,
        verbose_name=_("beslutningsområde"),
        null=True,
        blank=True,
        related_name="questions",
        on_delete=models.SET_NULL,
    )
    answer_text = models.TextField(_("svar"), blank=True, validators=FREE_TEXT)
    # True when the answer was "yes, you decide" already: the measure of aflæring (unlearning).
    already_allowed = models.BooleanField(default=False)

    objects = MandateQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("spørgsmål om råderummet")
        verbose_name_plural = _("spørgsmål om råderummet")
        ordering = ["-created"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("mandates:question", args=[self.pk])

    def answer(self, by, area: DecisionArea | None, text: str, *, new_area: bool = False) -> None:
        """Records the answer. Pointing to an existing area the team may decide alone counts as aflæring."""
        self.status, self.answered_by, self.answered_at = self.Status.ANSWERED, by, timezone.now()
        self.answer_area, self.answer_text = area, text
        self.already_allowed = area is not None and area.team_decides and not new_area
        self.save()

    def send(self, asker, unit: Unit) -> None:
        """Saves the question and tells the leaders closest to the unit (never the asker themselves)."""
        self.asker, self.unit = asker, unit
        self.save()
        notify(
            unit.nearest_leaders(excluding=asker),
            "mandate_question",
            format_lazy(_("Nyt spørgsmål om råderummet fra {}"), asker.name),
            self.text,
            self.get_absolute_url(),
        )

    def tell_the_asker(self) -> None:
        """Notifies the person who asked that their question has an answer."""
        notify(
            [self.asker] if self.asker else [],
            "mandate_answer",
            _("Dit spørgsmål om råderummet er besvaret"),
            self.answer_text,
            self.get_absolute_url(),
        )


def unlearning_share(questions) -> tuple[int, int]:
    """(answered questions, of which the answer was already "yes, you decide") for a queryset."""
    answered = questions.filter(status=MandateQuestion.Status.ANSWERED)
    return answered.count(), answered.filter(already_allowed=True).count()


class PokerSession(models.Model):
    """Delegation poker: the team votes a level for each chosen area in secret, reveals, talks, agrees."""

    class Status(models.TextChoices):
        OPEN = "aaben", _("I gang")
        CLOSED = "afsluttet", _("Afsluttet")

    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), related_name="poker_sessions", on_delete=models.CASCADE
    )
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    areas = models.ManyToManyField(DecisionArea, verbose_name=_("beslutningsområder"), related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    current_area = models.ForeignKey(
        DecisionArea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    round = models.PositiveSmallIntegerField(default=1)
    revealed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("delegeringspoker")
        verbose_name_plural = _("delegeringspoker")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mandates:poker", args=[self.pk])

    @classmethod
    def begin(cls, unit: Unit, title: str, areas, by) -> PokerSession:
        """A new session over the chosen areas, in title order, starting at the first."""
        areas = sorted(areas, key=lambda a: a.title)
        with transaction.atomic():
            session = cls.objects.create(unit=unit, title=title, created_by=by, current_area=areas[0])
            session.areas.set(areas)
        return session

    @property
    def takes_votes(self) -> bool:
        return self.status == self.Status.OPEN and not self.revealed

    def vote(self, voter, level: int) -> None:
        """A card laid (or changed) in secret for the current area and round."""
        PokerVote.objects.update_or_create(
            session=self, area=self.current_area, round=self.round, voter=voter, defaults={"level": level}
        )

    def reveal(self) -> None:
        self.revealed = True
        self.save()

    def vote_again(self) -> None:
        self.round, self.revealed = self.round + 1, False
        self.save()

    def record(self, level: int, by) -> None:
        """The level the team agreed for the current area becomes a new version of it; then the next area."""
        with transaction.atomic():
            area = DecisionArea.objects.select_for_update().get(pk=self.current_area_id or 0)
            PokerAgreement.objects.update_or_create(
                session=self,
                area=area,
                defaults={"level": level, "previous_level": area.level, "recorded_by": by},
            )
            area.level, area.version, area.updated_by = level, area.version + 1, by
            area.save()
            area.record_version(by, gettext("Aftalt ved delegeringspoker: %(title)s") % {"title": self.title})
        self.next_area()

    def next_area(self) -> None:
        """On to the next area by title; the session ends after the last."""
        # Ordered in Python as in begin(), not by the database's collation (æ, ø and å differ between them).
        current = self.current_area.title if self.current_area else None
        later = [a for a in self.areas.all() if current is not None and a.title > current]
        self.current_area = min(later, key=lambda a: a.title) if later else None
        self.round, self.revealed = 1, False
        if self.current_area is None:
            self.status = self.Status.CLOSED
        self.save()

    def finish(self) -> None:
        self.status = self.Status.CLOSED
        self.save()


class PokerVote(models.Model):
    session = models.ForeignKey(PokerSession, related_name="votes", on_delete=models.CASCADE)
    area = models.ForeignKey(DecisionArea, related_name="+", on_delete=models.CASCADE)
    round = models.PositiveSmallIntegerField()
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    level = models.PositiveSmallIntegerField(choices=Level.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "area", "round", "voter"], name="poker_vote_unique")
        ]

    def __str__(self) -> str:
        return f"{self.voter} {self.level}"


class PokerAgreement(models.Model):
    """The level the team and leader agreed on for one area; also saved as a new version of the area."""

    session = models.ForeignKey(PokerSession, related_name="agreements", on_delete=models.CASCADE)
    area = models.ForeignKey(DecisionArea, related_name="+", on_delete=models.CASCADE)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    previous_level = models.PositiveSmallIntegerField(choices=Level.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "area"], name="poker_agreement_unique")]

    def __str__(self) -> str:
        return f"{self.area}: {self.level}"


def status_figures(since: date) -> Iterator[UnitFigure]:
    """For "Status på aktørskab": units whose råderum was reviewed within a year, and answered questions
    (of which the answer was already "yes, you decide")."""
    reviewed = (
        DecisionArea.objects.reviewed_recently().order_by().values_list("unit_id", flat=True).distinct()
    )
    for unit_id in reviewed:
        yield UnitFigure(unit_id, "units_reviewed")
    answered = (
        MandateQuestion.objects.filter(status=MandateQuestion.Status.ANSWERED)
        .values("unit_id")
        .annotate(n=Count("pk"), allowed=Count("pk", filter=Q(already_allowed=True)))
    )
    for row in answered:
        yield UnitFigure(row["unit_id"], "questions_answered", row["n"])
        yield UnitFigure(row["unit_id"], "questions_allowed", row["allowed"])
