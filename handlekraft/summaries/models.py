"""Opsamling: themes across many meetings' notes, edited by the facilitator, and the report.

The engine (`handlekraft/synthesis`) proposes themes; the person making the opsamling renames, merges and
splits them and moves notes. A theme they have touched is `edited`: a re-run keeps it and its notes, and
only regroups the notes nobody has placed by hand.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.jobs.models import Job
from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr


class Summary(models.Model):
    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    period_start = models.DateField(_("periode fra"), null=True, blank=True)
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    meetings = models.ManyToManyField(Meeting, verbose_name=_("møder"), related_name="summaries")
    granularity = models.FloatField(_("detaljeringsgrad"), default=0.5)
    # The report's own texts, in the seed's order after the columns (summaries/report.py: SECTIONS).
    additional = models.TextField(_("Yderligere opmærksomhedspunkter"), blank=True, validators=FREE_TEXT)
    succeeding = models.TextField(_("Når vi lykkes"), blank=True, validators=FREE_TEXT)
    summing_up = models.TextField(_("Opsamlende"), blank=True, validators=FREE_TEXT)
    barriers = models.TextField(_("Potentielle barrierer"), blank=True, validators=FREE_TEXT)
    way_forward = models.TextField(_("Vejen videre"), blank=True, validators=FREE_TEXT)
    job = models.ForeignKey(Job, null=True, blank=True, related_name="+", on_delete=models.SET_NULL)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="summaries", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opsamling")
        verbose_name_plural = _("opsamlinger")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("summaries:detail", args=[self.pk])

    def notes(self):
        """The notes an opsamling reads: visible, not deleted, from its meetings."""
        return Note.objects.filter(meeting__in=self.meetings.all(), deleted=False, hidden=False)


class Theme(models.Model):
    # Set for the report (summaries/views.py): its notes, quotes and where they came from.
    note_list: list
    also: list
    quote_list: list
    per_meeting: list[tuple[str, int]]
    per_area: list[tuple[str, int]]

    summary = models.ForeignKey(Summary, related_name="themes", on_delete=models.CASCADE)
    column = models.CharField(_("kolonne"), max_length=200)
    label = models.CharField(_("tema"), max_length=200, validators=[validate_no_cpr])
    quote_ids = models.JSONField(default=list)  # the ids of its most central notes: quotes, verbatim
    edited = models.BooleanField(default=False)  # touched by a person: a re-run keeps it
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    def rename(self, label: str) -> None:
        self.label, self.edited = label, True
        self.save(update_fields=["label", "edited"])

    def merge_into(self, target: Theme) -> None:
        """Moves this theme's notes into `target` and removes this theme. A note that was in both keeps
        one placement, the primary one."""
        with transaction.atomic():
            present = set(target.placements.values_list("note_id", flat=True))
            self.placements.exclude(note_id__in=present).update(theme=target)
            Placement.objects.filter(theme=target, note_id__in=self.placements.values("note_id")).update(
                primary=True
            )
            target.edited = True
            target.save(update_fields=["edited"])
            self.delete()

    def split_off(self, note_ids: list[int], label: str) -> Theme | None:
        """A new theme, beside this one, for the chosen notes that have this theme as their primary one.
        None when none of the chosen notes is here."""
        with transaction.atomic():
            moving = self.placements.filter(note_id__in=note_ids, primary=True)
            if not moving.exists():
                return None
            new = Theme.objects.create(
                summary_id=self.summary_id,
                column=self.column,
                label=label,
                edited=True,
                position=self.position,
            )
            moving.update(theme=new)
            self.edited = True
            self.save(update_fields=["edited"])
        return new


class Placement(models.Model):
    """A note in a theme: its primary theme, or a second theme it is nearly as close to."""

    theme = models.ForeignKey(Theme, related_name="placements", on_delete=models.CASCADE)
    note = models.ForeignKey(Note, related_name="placements", on_delete=models.CASCADE)
    primary = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["theme", "note"], name="placement_unique")]

    def __str__(self) -> str:
        return f"{self.note} → {self.theme}"

    def move_to(self, target: Theme) -> None:
        """Moves the note's primary placement to another theme (dropping a second placement there)."""
        with transaction.atomic():
            Placement.objects.filter(theme=target, note_id=self.note_id).delete()
            source_id = self.theme_id
            self.theme = target
            self.save(update_fields=["theme"])
            Theme.objects.filter(pk__in=[source_id, target.pk]).update(edited=True)
