"""A background job's progress, for the progress bar that imports, synthesis runs and mailings show.

The work itself runs as a django-tasks task; the task reports its progress on a `Job` row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Venter")
        RUNNING = "running", _("I gang")
        DONE = "done", _("Færdig")
        FAILED = "failed", _("Fejlet")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.CharField(_("besked"), max_length=300, blank=True)
    result = models.TextField(_("resultat"), blank=True)
    input = models.JSONField(default=dict, blank=True)
    # The page the job was started from ("Tilbage til importen"): where to correct the files and try again.
    back_url = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("baggrundsjob")
        verbose_name_plural = _("baggrundsjob")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        """Records progress; cheap enough to call every few hundred rows."""
        self.done, self.status = done, self.Status.RUNNING
        if total is not None:
            self.total = total
        self.message = message[:300] or self.message
        Job.objects.filter(pk=self.pk).update(
            done=self.done, total=self.total, status=self.status, message=self.message
        )

    def succeed(self, result: str) -> None:
        self.status, self.result, self.done = self.Status.DONE, result, self.total
        self.save(update_fields=["status", "result", "done", "updated"])

    def fail(self, result: str) -> None:
        self.status, self.result = self.Status.FAILED, result
        self.save(update_fields=["status", "result", "updated"])
