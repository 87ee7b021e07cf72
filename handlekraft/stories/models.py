"""Historier: good stories, citizen stories and learning stories, with consent and recognition.

Recognition has no points: there are no totals per person, no rankings and no leaderboards anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from handlekraft.experiments.models import Experiment, Theme
from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.figures import UnitFigure
from handlekraft.lib.fulltext import index_text
from handlekraft.lib.tokens import RevocableToken
from handlekraft.mandates.models import DecisionArea
from handlekraft.organisation.models import Role, Unit
from handlekraft.organisation.rules import is_hr

__all__ = ["Theme"]


BODY_MAX = 10_000  # characters: a long story is a page or two; indexing stays in milliseconds
PART_MAX = 4_000


RANK_WINDOW = 2000  # a search ranks the newest 2,000 matches (lib/fulltext.ranked_newest)


class Profession(models.Model):
    """Fagområde: the professions stories are browsed by ("Eksempler på fagniveau"). HR keeps the list."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kort navn i adressen"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("fagområde")
        verbose_name_plural = _("fagområder")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stories:profession", args=[self.slug])


class StoryQuerySet(models.QuerySet):
    def published(self) -> StoryQuerySet:
        return self.filter(status=Story.Status.PUBLISHED)

    def from_own_area(self, user) -> StoryQuerySet:
        """Published stories from the person's own area(s) that the person may read."""
        areas = {m.unit.area_id for m in user.memberships}
        return self.visible_to(user).filter(area_id__in=areas)

    def visible_to(self, user) -> StoryQuerySet:
        """Published stories this person may read: everyone's, and those kept within the person's areas."""
        published = self.published()
        if is_hr(user):
            return published
        areas = {m.unit.area_id for m in user.memberships}
        allowed = Q(visibility=Story.Visibility.ALL) | Q(area_id__in=areas)
        # A leader also reads the stories of every unit below them (as stories.rules.can_view_story says).
        for m in user.memberships:
            if m.role == Role.LEADER:
                allowed |= Q(unit__path__startswith=m.unit.path)
        return published.filter(allowed)


class Story(models.Model):
    class Kind(models.TextChoices):
        STORY = "story", _("God historie")
        CITIZEN = "citizen", _("Borgerfortælling")
        LEARNING = "learning", _("Lærende historie")

    class Status(models.TextChoices):
        DRAFT = "kladde", _("Kladde")
        AWAITING = "afventer", _("Afventer samtykke")
        PUBLISHED = "offentliggjort", _("Offentliggjort")
        HIDDEN = "skjult", _("Skjult")

    class Visibility(models.TextChoices):
        ALL = "alle", _("Hele organisationen")
        AREA = "omraade", _("Kun mit område")

    class CitizenConsent(models.TextChoices):
        ANONYMOUS = "anonym", _("Borgeren kan ikke genkendes i historien")
        CONSENTED = "samtykke", _("Borgeren har givet samtykke til, at historien deles")

    kind = models.CharField(_("slags historie"), max_length=10, choices=Kind.choices, default=Kind.STORY)
    title = models.CharField(_("overskrift"), max_length=200, validators=[validate_no_cpr])
    # Lengths as validators, not max_length: on SQLite a max_length change rebuilds the table and drops
    # the full-text triggers (lib/fulltext.py).
    body = models.TextField(_("Hvad skete der?"), validators=[validate_no_cpr, MaxLengthValidator(BODY_MAX)])
    meaning = models.TextField(
        _("Hvad betød det for borgerne eller kollegerne?"),
        blank=True,
        validators=[validate_no_cpr, MaxLengthValidator(PART_MAX)],
    )
    learning = models.TextField(
        _("Hvad lærte vi?"),
        blank=True,
        validators=[validate_no_cpr, MaxLengthValidator(PART_MAX)],
    )
    unit = models.ForeignKey(Unit, verbose_name=_("enhed"), related_name="stories", on_delete=models.PROTECT)
    # The area (the unit just below the root) the story belongs to; kept for "own area only" and digests.
    area = models.ForeignKey(Unit, related_name="+", on_delete=models.PROTECT, editable=False)
    professions = models.ManyToManyField(
        Profession, verbose_name=_("fagområder"), related_name="stories", blank=True
    )
    themes = models.CharField(_("temaer"), max_length=100, blank=True)  # Theme values, space-separated
    decision_area = models.ForeignKey(
        DecisionArea,
        verbose_name=_("brugte råderummet"),
        null=True,
        blank=True,
        related_name="stories",
        on_delete=models.SET_NULL,
    )
    experiment = models.ForeignKey(
        Experiment,
        verbose_name=_("prøvehandling"),
        null=True,
        blank=True,
        related_name="stories",
        on_delete=models.SET_NULL,
    )
    citizen_consent = models.CharField(
        _("borgerens anonymitet"), max_length=10, choices=CitizenConsent.choices, blank=True
    )
    visibility = models.CharField(
        _("hvem kan læse historien"), max_length=10, choices=Visibility.choices, default=Visibility.ALL
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fortalt af"),
        null=True,
        related_name="stories",
        on_delete=models.SET_NULL,
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    hidden_reason = models.TextField(_("begrundelse for at skjule"), blank=True, validators=FREE_TEXT)
    search_text = models.TextField(default="", editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("historie")
        verbose_name_plural = _("historier")
        ordering = ["-published_at", "-created"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="story_status_published"),
            models.Index(fields=["area", "status"], name="story_area_status"),
            models.Index(fields=["unit", "status"], name="story_unit_status"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.area_id = self.unit.area_id
        self.search_text = index_text(self.title, self.body, self.meaning, self.learning)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "area", "updated"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", args=[self.pk])

    @classmethod
    def what_the_kind_needs(cls, kind: str, learning: str, citizen_consent: str) -> dict[str, str]:
        """What a story of this kind still lacks, as {field: message}. The form shows each message next to
        its field, and the API answers with the same words."""
        missing = {}
        if kind == cls.Kind.LEARNING and not learning.strip():
            missing["learning"] = gettext("Skriv, hvad I lærte. Det er det, en lærende historie deler.")
        if kind == cls.Kind.CITIZEN and not citizen_consent:
            missing["citizen_consent"] = gettext(
                "Bekræft, at borgeren ikke kan genkendes, eller at borgeren har givet samtykke."
            )
        return missing

    @property
    def theme_list(self) -> list[str]:
        return [t for t in self.themes.split() if t in Theme.values]

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [str(labels[t]) for t in self.theme_list]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()

    def share(self) -> bool:
        """Sends the story on: to the named colleagues for consent, or straight to publication.

        Returns True when it was published now. The caller saves and notifies.
        """
        if any(p.consent != StoryPerson.Consent.GIVEN for p in self.people.all()):
            self.status = self.Status.AWAITING
            return False
        self.publish()
        return True


class StoryPerson(models.Model):
    """A colleague named in a story. The story is published only when every one has consented."""

    class Consent(models.TextChoices):
        PENDING = "afventer", _("Afventer svar")
        GIVEN = "givet", _("Har givet samtykke")
        DECLINED = "afvist", _("Har sagt nej")

    story = models.ForeignKey(Story, related_name="people", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kollega"),
        related_name="story_mentions",
        on_delete=models.CASCADE,
    )
    consent = models.CharField(_("samtykke"), max_length=10, choices=Consent.choices, default=Consent.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("nævnt kollega")
        verbose_name_plural = _("nævnte kolleger")
        constraints = [models.UniqueConstraint(fields=["story", "user"], name="story_person_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.story}"


class Recognition(models.Model):
    """ "Det dér er godt aktørskab!" – one per person per story, with an optional note to the author."""

    story = models.ForeignKey(Story, related_name="recognitions", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="recognitions", on_delete=models.CASCADE)
    note = models.CharField(
        _("en personlig hilsen til fortælleren"), max_length=300, blank=True, validators=[validate_no_cpr]
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("anerkendelse")
        verbose_name_plural = _("anerkendelser")
        ordering = ["created"]
        constraints = [models.UniqueConstraint(fields=["story", "user"], name="recognition_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.story}"


class AuditEntry(models.Model):
    """Moderation of a story (hidden, shown again): who, when and why. Never edited, never deleted."""

    class Action(models.TextChoices):
        HIDDEN = "skjult", _("Skjult")
        RESTORED = "vist", _("Vist igen")

    story = models.ForeignKey(Story, related_name="audit", on_delete=models.CASCADE)
    action = models.CharField(_("handling"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        null=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    reason = models.TextField(_("begrundelse"), validators=FREE_TEXT)
    created = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("log over skjulte historier")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.story}"


class FeedToken(RevocableToken):
    """The secret in a person's private Atom feed address. Only its hash is stored; it can be revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="story_feed_tokens", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("feed-nøgle")
        verbose_name_plural = _("feed-nøgler")


class DigestRun(models.Model):
    """One row per week the digest went out, so running the command twice sends nothing twice."""

    week = models.CharField(max_length=8, unique=True)  # ISO year and week, "2026-W48"
    sent = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.week


def status_figures(since: date) -> Iterator[UnitFigure]:
    """For "Status på aktørskab": stories published and recognitions given, per month since `since`."""
    stories = (
        Story.objects.filter(status=Story.Status.PUBLISHED, published_at__date__gte=since)
        .annotate(month=TruncMonth("published_at"))
        .values("unit_id", "month")
        .annotate(n=Count("pk"))
    )
    for row in stories:
        yield UnitFigure(row["unit_id"], "stories", row["n"], f"{row['month']:%Y-%m}")
    recognitions = (
        Recognition.objects.filter(created__date__gte=since, story__status=Story.Status.PUBLISHED)
        .annotate(month=TruncMonth("created"))
        .values("story__unit_id", "month")
        .annotate(n=Count("pk"))
    )
    for recognition in recognitions:
        month = f"{recognition['month']:%Y-%m}"
        yield UnitFigure(recognition["story__unit_id"], "recognitions", recognition["n"], month)
