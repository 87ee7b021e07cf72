"""Plan og opfølgning: the initiative (e.g. "Aktørskab 2025–2026"), its activities by quarter and forum,
follow-up items with owners and due dates, the stored figures of the HU status page, and a new leader's
onboarding."""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.models import Meeting
from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.tokens import RevocableToken
from handlekraft.notifications.services import notify
from handlekraft.organisation.models import Committee, Unit
from handlekraft.pulse.models import ActionPlan, Construct, Survey
from handlekraft.summaries.models import Summary

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def validate_quarter(value: str) -> None:
    if not QUARTER.match(value or ""):
        raise ValidationError(_("Skriv kvartalet som år og kvartal, fx 2026Q1."))


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_label(quarter: str) -> str:
    """ "2026Q1" → "1. kvartal 2026"."""
    match = QUARTER.match(quarter or "")
    if not match:
        return quarter
    return _("%(n)s. kvartal %(year)s") % {"n": match.group(2), "year": match.group(1)}


def span_label(first: str, last: str) -> str:
    """ "2026Q3", "2026Q4" → "3.–4. kvartal 2026" (different years: both written in full)."""
    if first[:4] == last[:4]:
        return _("%(first)s.–%(last)s. kvartal %(year)s") % {
            "first": first[5],
            "last": last[5],
            "year": first[:4],
        }
    return f"{quarter_label(first)} – {quarter_label(last)}"


def quarters_between(first: str, last: str) -> list[str]:
    year, n = int(first[:4]), int(first[5])
    found: list[str] = []
    while f"{year}Q{n}" <= last and len(found) < 40:
        found.append(f"{year}Q{n}")
        year, n = (year + 1, 1) if n == 4 else (year, n + 1)
    return found


def quarter_bounds(quarter: str) -> tuple[date, date]:
    year, n = int(quarter[:4]), int(quarter[5])
    start = date(year, 3 * n - 2, 1)
    end = date(year + 1, 1, 1) if n == 4 else date(year, 3 * n + 1, 1)
    return start, end


class Forum(models.Model):
    """Where the plan is carried out: a MED committee (HU, an OMU, an LMU) or a leaders' forum (DIR, KCL)."""

    class Kind(models.TextChoices):
        COMMITTEE = "udvalg", _("MED-udvalg")
        LEADERS = "ledere", _("Ledelsesforum")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(_("kort navn"), max_length=40, help_text=_("Fx HU, OMU SO, DIR eller KCL."))
    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("MED-udvalg"),
        null=True,
        blank=True,
        related_name="forums",
        on_delete=models.PROTECT,
        help_text=_("Kun for MED-udvalg: udvalgets medlemmer følger forummets opfølgningspunkter."),
    )
    description = models.CharField(_("beskrivelse"), max_length=300, blank=True, validators=[validate_no_cpr])
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("fora")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plan:forum", args=[self.pk])

    def clean(self) -> None:
        if self.kind == self.Kind.COMMITTEE and not self.committee_id:
            raise ValidationError({"committee": _("Vælg det MED-udvalg, forummet er.")})
        if self.kind == self.Kind.LEADERS and self.committee_id:
            raise ValidationError({"committee": _("Et ledelsesforum er ikke et MED-udvalg.")})


class Initiative(models.Model):
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    description = models.TextField(_("beskrivelse"), blank=True, validators=FREE_TEXT)
    first_quarter = models.CharField(_("første kvartal"), max_length=6, validators=[validate_quarter])
    last_quarter = models.CharField(_("sidste kvartal"), max_length=6, validators=[validate_quarter])

    class Meta:
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")
        ordering = ["-first_quarter"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan:timeline") + f"?indsats={self.pk}"

    def quarters(self) -> list[str]:
        return quarters_between(self.first_quarter, self.last_quarter)


class SuccessIndicator(models.Model):
    """One of "Når vi lykkes", and the pulse construct that measures it."""

    initiative = models.ForeignKey(Initiative, related_name="indicators", on_delete=models.CASCADE)
    text = models.CharField(_("når vi lykkes"), max_length=200, validators=[validate_no_cpr])
    construct = models.ForeignKey(
        Construct,
        verbose_name=_("måles med"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("succeskriterium")
        verbose_name_plural = _("succeskriterier")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Activity(models.Model):
    class Kind(models.TextChoices):
        MEETING = "dialogmoede", _("Dialogmøde")
        THEME = "tema", _("Tema")
        FOLLOW_UP = "opfoelgning", _("Opfølgning")
        MATERIAL = "materiale", _("Materiale")

    class Status(models.TextChoices):
        PLANNED = "planlagt", _("Planlagt")
        RUNNING = "igang", _("I gang")
        DONE = "gennemfoert", _("Gennemført")
        POSTPONED = "udskudt", _("Udskudt")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("indsats"), related_name="activities", on_delete=models.CASCADE
    )
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    description = models.TextField(_("beskrivelse"), blank=True, validators=FREE_TEXT)
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), related_name="activities", on_delete=models.PROTECT
    )
    quarter = models.CharField(
        _("kvartal"), max_length=6, validators=[validate_quarter], help_text=_("Fx 2026Q1.")
    )
    until_quarter = models.CharField(
        _("til og med kvartal"),
        max_length=6,
        blank=True,
        validators=[validate_quarter],
        help_text=_("Kun når aktiviteten strækker sig over flere kvartaler, fx 2026Q4."),
    )
    day = models.DateField(_("dato"), null=True, blank=True, help_text=_("Når datoen kendes."))
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        null=True,
        blank=True,
        related_name="plan_activities",
        on_delete=models.SET_NULL,
    )
    meetings = models.ManyToManyField(Meeting, verbose_name=_("dialogmøder"), blank=True, related_name="+")
    summaries = models.ManyToManyField(Summary, verbose_name=_("opsamlinger"), blank=True, related_name="+")
    surveys = models.ManyToManyField(Survey, verbose_name=_("målinger"), blank=True, related_name="+")
    action_plans = models.ManyToManyField(
        ActionPlan, verbose_name=_("handleplaner"), blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["quarter", "day", "forum__order", "title"]
        indexes = [models.Index(fields=["quarter"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan:activity", args=[self.pk])

    def clean(self) -> None:
        if self.until_quarter and self.until_quarter < self.quarter:
            raise ValidationError({"until_quarter": _("Det sidste kvartal ligger før det første.")})
        if self.day and QUARTER.match(self.quarter or "") and quarter_of(self.day) != self.quarter:
            raise ValidationError({"day": _("Datoen ligger ikke i det valgte kvartal.")})

    @property
    def quarter_label(self) -> str:
        if self.until_quarter and self.until_quarter != self.quarter:
            return span_label(self.quarter, self.until_quarter)
        return quarter_label(self.quarter)

    def quarters(self) -> list[str]:
        return quarters_between(self.quarter, self.until_quarter or self.quarter)

    def set_status(self, status: str) -> None:
        """The status the responsible person reports (a new version: an open edit form sees the change)."""
        Activity.objects.filter(pk=self.pk).update(
            status=status, version=self.version + 1, updated=timezone.now()
        )


class FollowUp(models.Model):
    """An opfølgningspunkt: something a forum decided must happen, with an owner and a due date."""

    class Source(models.TextChoices):
        MEETING = "moede", _("Dialogmøde (Vejen videre)")
        ACTION_PLAN = "handleplan", _("Handleplan")
        DECISION = "beslutning", _("Beslutning i udvalget")

    class Status(models.TextChoices):
        OPEN = "aaben", _("Åben")
        RUNNING = "igang", _("I gang")
        DONE = "faerdig", _("Færdig")

    title = models.CharField(_("hvad skal ske?"), max_length=200, validators=[validate_no_cpr])
    description = models.TextField(_("uddybning"), blank=True, validators=FREE_TEXT)
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), related_name="follow_ups", on_delete=models.PROTECT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        related_name="follow_ups",
        on_delete=models.PROTECT,
    )
    due = models.DateField(_("frist"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(_("kommer fra"), max_length=10, choices=Source.choices, default=Source.DECISION)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("dialogmøde"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("handleplan"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aktivitet i planen"),
        null=True,
        blank=True,
        related_name="follow_ups",
        on_delete=models.SET_NULL,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("opfølgningspunkt")
        verbose_name_plural = _("opfølgningspunkter")
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["status", "due"]), models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan:follow-up", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due < timezone.localdate()

    def clean(self) -> None:
        if self.source == self.Source.MEETING and not self.meeting_id:
            raise ValidationError({"meeting": _("Vælg det dialogmøde, punktet kommer fra.")})
        if self.source == self.Source.ACTION_PLAN and not self.action_plan_id:
            raise ValidationError({"action_plan": _("Vælg den handleplan, punktet kommer fra.")})

    def assign(self, owner, by) -> None:
        """Saves a new item with its owner, who is told unless they made it themselves."""
        self.owner, self.created_by = owner, by
        self.save()
        if owner != by:
            notify(
                [owner],
                "follow_up_assigned",
                format_lazy(_("Du er ansvarlig for et opfølgningspunkt: {}"), self.title),
                format_lazy(_("Frist: {}. Forum: {}."), f"{self.due:%d.%m.%Y}", self.forum.name),
                self.get_absolute_url(),
            )

    def set_status(self, status: str) -> None:
        """A new status; done ones carry the time they were done (a new version, as for an edit)."""
        done_at = timezone.now() if status == self.Status.DONE else None
        FollowUp.objects.filter(pk=self.pk).update(status=status, done_at=done_at, version=self.version + 1)


class CalendarToken(RevocableToken):
    """The secret in a person's calendar addresses (iCal). Only its hash is stored; it can be revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="calendar_tokens", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("kalendernøgle")
        verbose_name_plural = _("kalendernøgler")


class StatusSnapshot(models.Model):
    """The figures of the HU page ("Status på aktørskab"), computed in the background (plan/status.py).

    The page reads the newest row: one query, whatever the size of the organisation.
    """

    computed_at = models.DateTimeField(default=timezone.now, db_index=True)
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("statustal")
        verbose_name_plural = _("statustal")
        ordering = ["-computed_at"]

    def __str__(self) -> str:
        return f"{self.computed_at:%Y-%m-%d %H:%M}"


class LeaderOnboarding(models.Model):
    """A new leader's way in. The checklist is computed from real data (plan/onboarding.py); only the
    meeting with TR and AMR is ticked by hand."""

    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leder"),
        related_name="onboardings",
        on_delete=models.CASCADE,
    )
    unit = models.ForeignKey(Unit, verbose_name=_("enhed"), related_name="+", on_delete=models.CASCADE)
    started = models.DateField(_("startede som leder"), default=timezone.localdate)
    met_representatives_on = models.DateField(_("har mødt TR og AMR"), null=True, blank=True)

    class Meta:
        verbose_name = _("lederonboarding")
        verbose_name_plural = _("lederonboardinger")
        ordering = ["-started", "pk"]
        constraints = [models.UniqueConstraint(fields=["leader", "unit"], name="onboarding_unique")]

    def __str__(self) -> str:
        return f"{self.leader} – {self.unit}"

    def mark_met_representatives(self, met: bool) -> None:
        """The one item a leader ticks by hand: they have met TR and AMR (today), or take the tick back."""
        self.met_representatives_on = timezone.localdate() if met else None
        self.save(update_fields=["met_representatives_on"])


class WelcomeDismissal(models.Model):
    """A new employee who has read "Velkommen – her er dit råderum" and hid the box on the front page."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("skjult velkomst")
        verbose_name_plural = _("skjulte velkomster")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def dismiss(cls, user) -> None:
        cls.objects.get_or_create(user=user)
