"""`notify()`: the one way any module tells people something."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from . import outbox, unsubscribe
from .kinds import KINDS
from .models import EmailPreference, Notification


def email_wanted(users: list, kind: str) -> set[int]:
    """The ids of the users who want e-mail for this kind (everyone, unless they said no)."""
    declined = set(
        EmailPreference.objects.filter(user__in=users, kind=kind, email=False).values_list(
            "user_id", flat=True
        )
    )
    return {u.pk for u in users if u.pk not in declined and u.email}


def notify(recipients: Iterable, kind: str, title, body="", url: str = "") -> list[Notification]:
    """Creates an in-app notification for each recipient and e-mails those who want it.

    `title` and `body` may be lazy translations: each recipient gets them in their own language.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}: add it to notifications.kinds")
    users = [u for u in {u.pk: u for u in recipients}.values() if u.is_active]
    notifications, messages = [], []
    wants_email = email_wanted(users, kind)
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            note = Notification(recipient=user, kind=kind, title=str(title)[:200], body=str(body), url=url)
            notifications.append(note)
            if user.pk in wants_email:
                off = unsubscribe.link(user.pk, kind)
                text = render_to_string(
                    "notifications/email.txt",
                    {"notification": note, "site_url": settings.SITE_URL, "unsubscribe_url": off},
                )
                messages.append((user.email, note.title, text, off))
    with transaction.atomic():
        Notification.objects.bulk_create(notifications)
        # The outbox: sent after this commits, by a task with retries; a mail outage fails no request.
        for to, subject, text, off in messages:
            outbox.queue(to, subject, text, unsubscribe_url=off)
    return notifications
