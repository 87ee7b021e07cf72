"""E-mail that never fails a request and is never lost: an outbox in the database, sent by a task.

`queue()` stores the message (in the caller's transaction) and asks the task queue to send once that
transaction commits. `send_due()` sends what is due, one message at a time: a failure (the SMTP relay
down, a timeout after EMAIL_TIMEOUT seconds) is counted and the message is tried again later, with
back-off, up to MAX_ATTEMPTS; then it stays in the outbox with its error for an administrator.
`manage.py send_email` runs `send_due()` too, from a timer, so mail left behind by a lost task goes out.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_tasks import task

from . import unsubscribe
from .models import OutgoingEmail

MAX_ATTEMPTS = 12  # with the back-off below, about two days of trying
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)
BATCH = 200


# RFC 3834: a message a program sent on its own. Out-of-office replies and auto-forwards leave it alone.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}


def automatic(subject: str, body: str, to: str, unsubscribe_url: str = "") -> EmailMessage:
    """Every e-mail the platform sends is automatic: marked so (RFC 3834). One a person chose (a kind of
    notification, the digest) can be turned off with one click from the mail client (RFC 8058)."""
    headers = AUTOMATIC | (unsubscribe.headers(unsubscribe_url) if unsubscribe_url else {})
    return EmailMessage(subject, body, to=[to], headers=headers)


def queue(
    to: str, subject: str, body: str, key: str | None = None, unsubscribe_url: str = ""
) -> OutgoingEmail | None:
    """Stores the message and sends it after the current transaction commits. With a `key` already
    queued (or sent), nothing new is stored and None is returned."""
    try:
        with transaction.atomic():
            message = OutgoingEmail.objects.create(
                to=to, subject=subject[:200], body=body, key=key, unsubscribe_url=unsubscribe_url
            )
    except IntegrityError:
        return None
    transaction.on_commit(_enqueue)
    return message


def _enqueue() -> None:
    send_outbox.enqueue()


def backoff(attempts: int) -> timedelta:
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def unsent():
    """Messages still to be sent (not given up on)."""
    return OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)


def due():
    return unsent().filter(send_after__lte=timezone.now()).order_by("send_after", "pk")


def send_due(limit: int = BATCH) -> tuple[int, int]:
    """Sends up to `limit` due messages. Returns (sent, failed)."""
    sent = failed = 0
    mail = get_connection()
    for pk in list(due().values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            rows = OutgoingEmail.objects.filter(pk=pk, sent_at__isnull=True)
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)  # another worker has it: leave it
            message = rows.first()
            if message is None:
                continue
            try:
                mail.send_messages(
                    [automatic(message.subject, message.body, message.to, message.unsubscribe_url)]
                )
            except Exception as error:  # any failure of the relay: try again later, never lose it
                message.attempts += 1
                message.send_after = timezone.now() + backoff(message.attempts)
                message.last_error = f"{type(error).__name__}: {error}"[:300]
                message.save(update_fields=["attempts", "send_after", "last_error"])
                failed += 1
            else:
                message.sent_at = timezone.now()
                message.attempts += 1
                message.last_error = ""
                message.save(update_fields=["sent_at", "attempts", "last_error"])
                sent += 1
    with contextlib.suppress(Exception):  # closing a connection that already failed
        mail.close()
    return sent, failed


@task()
def send_outbox() -> int:
    """Sends what is due; if messages wait for a retry, asks to be run again when the first is due."""
    sent, _failed = send_due()
    waiting = unsent().order_by("send_after").values_list("send_after", flat=True).first()
    if waiting is not None and waiting > timezone.now() and send_outbox.get_backend().supports_defer:
        send_outbox.using(run_after=waiting).enqueue()  # (`manage.py send_email` catches up otherwise)
    return sent
