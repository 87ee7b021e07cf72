"""One notification mechanism for every module: in-app (list and unread count) and e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread_count(self, user) -> int:
        return self.filter(recipient=user, read__isnull=True).count()

    def mark_read(self) -> int:
        """Marks the unread ones among these as read now."""
        return self.filter(read__isnull=True).update(read=timezone.now())


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="notifications", on_delete=models.CASCADE
    )
    kind = models.CharField(_("type"), max_length=50)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    read = models.DateTimeField(_("læst"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["recipient", "read"])]

    def __str__(self) -> str:
        return self.title


class EmailPreference(models.Model):
    """A person's choice not to get e-mail for one kind of notification. E-mail is on by default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="email_preferences", on_delete=models.CASCADE
    )
    kind = models.CharField(max_length=50)
    email = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_preference_unique")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.email}"

    @classmethod
    def choose(cls, user, choices: dict[str, bool]) -> None:
        """The person's choice, per kind, of e-mail besides the in-app notification."""
        for kind, wanted in choices.items():
            cls.objects.update_or_create(user=user, kind=kind, defaults={"email": wanted})


class OutgoingEmail(models.Model):
    """An e-mail waiting to be sent, or sent (notifications/outbox.py). Written in the same transaction as
    what it tells about, so it is never lost; sent by a background task with retries, so a mail outage
    never fails a request. `key` makes a message once-only (a week's digest to one person)."""

    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    send_after = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    # Where the recipient turns this kind of e-mail off (notifications/unsubscribe.py); empty for mail
    # a person did not choose (a password reset, an invitation).
    unsubscribe_url = models.CharField(max_length=400, blank=True)

    class Meta:
        verbose_name = _("udgående e-mail")
        verbose_name_plural = _("udgående e-mails")
        indexes = [models.Index(fields=["sent_at", "send_after"])]

    def __str__(self) -> str:
        return self.subject
