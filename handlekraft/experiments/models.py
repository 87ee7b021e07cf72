"""Prøvehandlinger: small, time-boxed experiments within the mandate, with a test card and a learning card."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import validate_no_cpr
from handlekraft.mandates.models import TEAM_DECIDES_FROM, DecisionArea
from handlekraft.organisation.models import Unit


class Theme(models.TextChoices):
    """The seed's four themes."""

    ORGANISATION = "organisation", _("Organisation – kultur, retning og fælles forståelse")
    RELATIONS = "relationer", _("Roller og relationer – samspil, tillid og uformelt lederskab")
    LEADERSHIP = "ledelse", _("Ledelse – råderum, retning og nærvær")
    PRACTICE = "praksis", _("Arbejdsfællesskab og opgavepraksis")


class Experiment(models.Model):
    class Status(models.TextChoices):
        IDEA = "ide", _("Idé")
        AWAITING = "afventer", _("Afventer godkendelse")
        RUNNING = "igang", _("I gang")
        EVALUATING = "evaluering", _("Til evaluering")
        DONE = "afsluttet", _("Afsluttet")

    class NextStep(models.TextChoices):
        CONTINUE = "fortsaette", _("Fortsætte")
        SPREAD = "udbrede", _("Udbrede")
        ADJUST = "justere", _("Justere")
        STOP = "stoppe", _("Stoppe")

    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), related_name="experiments", on_delete=models.PROTECT
    )
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    hypothesis = models.TextField(_("Vi tror, at …"), validators=[validate_no_cpr])
    action = models.TextField(_("Derfor prøver vi …"), validators=[validate_no_cpr])
    measure = models.TextField(_("Vi måler …"), validators=[validate_no_cpr])
    success = models.TextField(_("Vi har ret, hvis …"), validators=[validate_no_cpr])
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("ejere"), related_name="experiments"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("slut"))
    decision_area = models.ForeignKey(
        DecisionArea,
        verbose_name=_("beslutningsområde"),
        null=True,
        blank=True,
        related_name="experiments",
        on_delete=models.SET_NULL,
        help_text=_("Det beslutningsområde i jeres råderum, som prøvehandlingen hører under."),
    )
    theme = models.CharField(_("tema"), max_length=12, choices=Theme.choices, default=Theme.PRACTICE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IDEA)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("begrundelse"), blank=True, validators=[validate_no_cpr])
    believed = models.TextField(_("Vi troede …"), blank=True, validators=[validate_no_cpr])
    observed = models.TextField(_("Vi observerede …"), blank=True, validators=[validate_no_cpr])
    learned = models.TextField(_("Vi lærte …"), blank=True, validators=[validate_no_cpr])
    therefore = models.TextField(_("Derfor vil vi …"), blank=True, validators=[validate_no_cpr])
    next_step = models.CharField(_("næste skridt"), max_length=10, choices=NextStep.choices, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("prøvehandling")
        verbose_name_plural = _("prøvehandlinger")
        ordering = ["-start", "title"]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("experiments:detail", args=[self.pk])

    @property
    def needs_approval(self) -> bool:
        """True when the linked area's level is below 5 for the unit: the team cannot decide alone."""
        return self.decision_area is not None and self.decision_area.level < TEAM_DECIDES_FROM

    @property
    def is_past_end(self) -> bool:
        return self.end < timezone.localdate()
