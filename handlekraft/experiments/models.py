"""Prøvehandlinger: small, time-boxed experiments within the mandate, with a test card and a learning card."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.figures import UnitFigure
from handlekraft.mandates.models import TEAM_DECIDES_FROM, DecisionArea
from handlekraft.notifications.services import notify
from handlekraft.organisation.models import Membership, Role, Unit, User


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
    hypothesis = models.TextField(_("Vi tror, at …"), validators=FREE_TEXT)
    action = models.TextField(_("Derfor prøver vi …"), validators=FREE_TEXT)
    measure = models.TextField(_("Vi måler …"), validators=FREE_TEXT)
    success = models.TextField(_("Vi har ret, hvis …"), validators=FREE_TEXT)
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
    decision_note = models.TextField(_("begrundelse"), blank=True, validators=FREE_TEXT)
    believed = models.TextField(_("Vi troede …"), blank=True, validators=FREE_TEXT)
    observed = models.TextField(_("Vi observerede …"), blank=True, validators=FREE_TEXT)
    learned = models.TextField(_("Vi lærte …"), blank=True, validators=FREE_TEXT)
    therefore = models.TextField(_("Derfor vil vi …"), blank=True, validators=FREE_TEXT)
    next_step = models.CharField(_("næste skridt"), max_length=10, choices=NextStep.choices, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    proposal = models.ForeignKey(
        "Proposal",
        verbose_name=_("tester forenklingsforslag"),
        null=True,
        blank=True,
        related_name="experiments",
        on_delete=models.SET_NULL,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)  # lib/locking.py
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

    def save_new(self, unit: Unit, by, save_relations: Callable[[], None] | None = None) -> None:
        """Saves a new experiment as an idea in the unit. Its maker owns it unless others were named."""
        with transaction.atomic():
            self.unit, self.created_by = unit, by
            self.save()
            if save_relations is not None:
                save_relations()
            self.keep_an_owner(by)

    def keep_an_owner(self, by) -> None:
        """An experiment always has someone who owns it: `by` when nobody else is left."""
        if not self.owners.exists():
            self.owners.add(by)

    def begin(self) -> bool:
        """Starts an idea. False when it lies outside what the team decides alone: then it awaits the
        approval of the leaders closest to the unit, who are asked."""
        if self.needs_approval:
            self.status = self.Status.AWAITING
            self.save(update_fields=["status", "updated"])
            notify(
                self.unit.nearest_leaders(),
                "experiment_approval",
                format_lazy(_("Prøvehandling venter på din godkendelse: {}"), self.title),
                self.hypothesis,
                self.get_absolute_url(),
            )
            return False
        self.status = self.Status.RUNNING
        self.save(update_fields=["status", "updated"])
        return True

    def decide(self, by, approve: bool, reason: str = "") -> None:
        """The leader's answer to an experiment awaiting approval: running, or back to an idea with the
        reason. The owners are told."""
        with transaction.atomic():
            self.status = self.Status.RUNNING if approve else self.Status.IDEA
            self.decided_by, self.decided_at = by, timezone.now()
            self.decision_note = "" if approve else reason
            self.save()
        title = (
            format_lazy(_("Prøvehandlingen »{}« er godkendt"), self.title)
            if approve
            else format_lazy(_("Prøvehandlingen »{}« er ikke godkendt"), self.title)
        )
        notify(self.owners.all(), "experiment_decision", title, self.decision_note, self.get_absolute_url())


class Proposal(models.Model):
    """Forenklingsforslag: a proposal to remove or simplify a rule, routed to whoever owns the rule."""

    class RuleOwner(models.TextChoices):
        TEAM = "team", _("Vores egen regel eller vane i teamet")
        MUNICIPALITY = "municipality", _("En kommunal regel eller arbejdsgang")
        LAW = "law", _("Lovgivning (national regel)")

    class Status(models.TextChoices):
        RECEIVED = "modtaget", _("Modtaget")
        IN_PROGRESS = "behandles", _("Under behandling")
        DONE = "gennemfoert", _("Gennemført")
        REJECTED = "afvist", _("Afvist")
        FORWARDED = "videresendt", _("Sendt videre")

    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    problem = models.TextField(_("Hvad er problemet?"), validators=FREE_TEXT)
    proposal = models.TextField(_("Hvad foreslår du?"), validators=FREE_TEXT)
    rule_owner = models.CharField(_("Hvem ejer reglen?"), max_length=12, choices=RuleOwner.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), related_name="proposals", on_delete=models.PROTECT
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="proposals", on_delete=models.SET_NULL
    )
    hours_per_month = models.DecimalField(
        _("timer frigjort pr. måned (skøn)"), max_digits=7, decimal_places=1, default=0
    )
    routed_to = models.ForeignKey(
        Unit,
        verbose_name=_("sendt til"),
        null=True,
        blank=True,
        related_name="routed_proposals",
        on_delete=models.SET_NULL,
        help_text=_("Tom: centralt (HR og direktionen)."),
    )
    exemption_candidate = models.BooleanField(_("kandidat til udfordringsret/forsøg"), default=False)
    decision_area = models.ForeignKey(
        DecisionArea,
        verbose_name=_("ændret beslutningsområde"),
        null=True,
        blank=True,
        related_name="proposals",
        on_delete=models.SET_NULL,
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    answer = models.TextField(_("svar"), blank=True, validators=FREE_TEXT)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    first_response_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("forenklingsforslag")
        verbose_name_plural = _("forenklingsforslag")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["routed_to", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("experiments:proposal", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.IN_PROGRESS, self.Status.FORWARDED)

    def recipients(self) -> list:
        """Who answers it: the leaders closest to the unit it is routed to, or HR when it is central."""
        if self.routed_to is not None:
            return self.routed_to.nearest_leaders()
        hr = Membership.objects.filter(role=Role.HR, user__is_active=True).values("user_id")
        return list(User.objects.filter(pk__in=hr))

    def submit(self, owner: Unit | None) -> None:
        """Routes a new proposal to whoever owns the rule, saves it and tells them (forms and API alike)."""
        self.route(owner)
        self.save()
        notify(
            self.recipients(),
            "proposal_received",
            format_lazy(_("Nyt forenklingsforslag: {}"), self.title),
            self.proposal,
            self.get_absolute_url(),
        )

    def respond(self, by, status: str, answer: str = "", area: DecisionArea | None = None, forward_to=None):
        """The answer of the leader or HR: a new status, perhaps a text, a changed decision area, or the
        unit it is sent on to. The proposer is told, and so are the new recipients of a forwarded one."""
        self.status, self.answered_by = status, by
        if answer:
            self.answer = answer
        if area is not None:
            self.decision_area = area
        if self.first_response_at is None:
            self.first_response_at = timezone.now()
        if status == self.Status.FORWARDED:
            self.routed_to = Unit.objects.filter(external_id=forward_to).first()
        self.save()
        notify(
            [self.proposer] if self.proposer else [],
            "proposal_status",
            format_lazy(_("Dit forenklingsforslag »{}«: {}"), self.title, self.get_status_display()),
            self.answer,
            self.get_absolute_url(),
        )
        if status == self.Status.FORWARDED:
            notify(
                self.recipients(),
                "proposal_received",
                format_lazy(_("Forenklingsforslag sendt videre til dig: {}"), self.title),
                self.proposal,
                self.get_absolute_url(),
            )

    @property
    def days_to_answer(self) -> int | None:
        if self.first_response_at is None:
            return None
        return (self.first_response_at - self.created).days

    @property
    def routed_label(self) -> str:
        return self.routed_to.external_id if self.routed_to is not None else "central"

    def route(self, to: Unit | None = None) -> None:
        """The owner of the rule decides who answers: the team's leader, a unit, or central."""
        if self.rule_owner == self.RuleOwner.TEAM:
            self.routed_to, self.exemption_candidate = self.unit, False
        elif self.rule_owner == self.RuleOwner.LAW:
            self.routed_to, self.exemption_candidate = None, True
        else:
            self.routed_to, self.exemption_candidate = to, False


def status_figures(since: date) -> Iterator[UnitFigure]:
    """For "Status på aktørskab": experiments by status, and proposals (answered, hours freed when done).
    Both count all time, not only since `since`."""
    for row in Experiment.objects.values("unit_id", "status").annotate(n=Count("pk")):
        yield UnitFigure(row["unit_id"], "experiments", row["n"], row["status"])
    proposals = Proposal.objects.values("unit_id").annotate(
        n=Count("pk"),
        answered=Count("pk", filter=Q(first_response_at__isnull=False)),
        hours=Sum("hours_per_month", filter=Q(status=Proposal.Status.DONE)),
    )
    for proposal in proposals:
        yield UnitFigure(proposal["unit_id"], "proposals", proposal["n"])
        yield UnitFigure(proposal["unit_id"], "proposals_answered", proposal["answered"])
        yield UnitFigure(proposal["unit_id"], "hours_freed", float(proposal["hours"] or 0))
