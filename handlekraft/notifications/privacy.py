"""A person's notifications and e-mail choices in "Mine data"; erasure deletes them (lib/privacy.py)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import EmailPreference, Notification


def sections(user) -> list[Section]:
    return [
        Section(
            "notifications",
            _("Notifikationer"),
            rows(
                {"title": n.title, "text": n.body, "created": n.created, "read": n.read}
                for n in Notification.objects.filter(recipient=user)
            ),
        ),
        Section(
            "email_choices",
            _("Dine valg af e-mails"),
            rows({"kind": p.kind, "email_on": p.email} for p in EmailPreference.objects.filter(user=user)),
        ),
    ]


def erase(user) -> None:
    Notification.objects.filter(recipient=user).delete()
    EmailPreference.objects.filter(user=user).delete()


def retain(settings, today) -> dict[str, int]:
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=settings.keep_notifications_days), time())
    )
    deleted, _by_model = Notification.objects.filter(created__lt=cutoff).delete()
    return {"notifications": deleted}
