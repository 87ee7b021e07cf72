"""Mail through a real SMTP server that is stopped and started again (aiosmtpd): an outage fails no page
and loses no mail (issue 16)."""

from __future__ import annotations

import contextlib
import email
import email.policy
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from handlekraft.mandates.models import DecisionArea
from handlekraft.notifications.models import EmailPreference, OutgoingEmail
from handlekraft.notifications.outbox import send_due
from handlekraft.notifications.services import notify
from handlekraft.pulse import services
from handlekraft.pulse.models import AnswerCode, Invitation, Item, Survey
from handlekraft.pulse.tasks import email_codes
from handlekraft.stories.digest import current_week, send_story_digests
from tests.servers import free_port
from tests.stories.conftest import make_story


class Inbox:
    def __init__(self):
        self.messages: list[tuple[list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def relay(settings):
    """An SMTP relay on a port of its own, down until the test starts it."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_TIMEOUT = 2
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    yield controller, inbox
    with contextlib.suppress(AssertionError):  # never started
        controller.stop()


def due_now() -> None:
    """As if the back-off had passed."""
    OutgoingEmail.objects.filter(sent_at__isnull=True).update(
        send_after=timezone.now() - timedelta(seconds=1)
    )


def test_an_outage_fails_no_page_and_the_mail_arrives_when_smtp_is_back(relay, client_as, cast):
    controller, inbox = relay
    DecisionArea.objects.create(unit=cast.area, title="Valg af vikar", level=7, keywords="vikar")
    response = client_as("employee").post(
        reverse("mandates:ask"), {"text": "Må jeg selv ringe efter en vikar?"}
    )
    assert response.status_code == 302  # the question is saved and the page answers as always
    assert send_due() == (0, 1)  # SMTP is down: the message waits, with its error
    waiting = OutgoingEmail.objects.get()
    assert waiting.sent_at is None and waiting.attempts == 1 and waiting.last_error
    assert waiting.send_after > timezone.now()  # backed off
    controller.start()
    due_now()
    assert send_due() == (1, 0)
    assert [to for to, _body in inbox.messages] == [[cast.leader.email]]
    assert "Auto-Submitted: auto-generated" in inbox.messages[0][1]  # RFC 3834: no auto-replies to it
    assert send_due() == (0, 0)  # sent once


def test_the_digest_survives_an_outage_and_goes_once_to_each(relay, cast):
    controller, inbox = relay
    make_story(cast, title="Ny historie fra Bøgely")
    send_story_digests.call(current_week())
    send_story_digests.call(current_week())  # run twice, as a timer might
    assert OutgoingEmail.objects.filter(key__startswith="digest:").count() == 4
    assert send_due() == (0, 4)
    controller.start()
    due_now()
    send_due()
    assert sorted(to[0] for to, _body in inbox.messages) == sorted(
        [cast.leader.email, cast.tr.email, cast.amr.email, cast.other.email]
    )


def test_pulse_codes_are_stored_only_for_mail_that_went_and_sending_resumes(relay, client_as, cast):
    controller, inbox = relay
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="Puls", unit=cast.unit, opens=today, closes=today + timedelta(days=7)
    )
    survey.items.set(Item.objects.filter(in_default_pulse=True))
    with pytest.raises(OSError):
        email_codes.call(survey.pk)  # SMTP down
    assert AnswerCode.objects.count() == 0 and Invitation.objects.count() == 0  # no code burnt
    controller.start()
    assert email_codes.call(survey.pk) == 4
    assert len(inbox.messages) == 4 and AnswerCode.objects.count() == 4
    assert email_codes.call(survey.pk) == 0  # nobody twice
    raw = inbox.messages[0][1].split("#kode=")[1].split()[0]
    services.answer(raw, {"raaderum_ved": 3})  # the code that arrived works
    page = client_as("hr").post(f"/maaling/{survey.pk}/styring/send/", follow=True).content.decode()
    assert "ikke har fået en endnu" in page


def test_the_send_email_command_catches_up(relay, cast):
    controller, inbox = relay
    from handlekraft.notifications.outbox import queue

    queue(cast.leader.email, "Hej", "Tekst")
    controller.start()
    call_command("send_email", stdout=__import__("io").StringIO())
    assert len(inbox.messages) == 1


def test_the_digest_can_be_turned_off_with_one_click_from_the_mail_client(relay, cast):
    """RFC 8058: the header's address takes a POST without cookies or CSRF token; GET only asks."""
    controller, inbox = relay
    controller.start()
    make_story(cast, title="Ny historie fra Bøgely")
    send_story_digests.call(current_week())
    send_due()
    sent = {
        to[0]: email.message_from_bytes(raw.encode(), policy=email.policy.default)
        for to, raw in inbox.messages
    }
    digest = sent[cast.leader.email]
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = str(digest["List-Unsubscribe"]).strip().strip("<>")
    assert address.startswith("http://127.0.0.1:8000/notifikationer/fravalg/")
    assert address in digest.get_content()  # the same link in the text, for people
    assert str(cast.leader.email) not in address and "leder" not in address  # no personal data in it
    path = address.removeprefix("http://127.0.0.1:8000")
    mail_client = Client(enforce_csrf_checks=True)  # no session, no CSRF token: as a mail client posts
    asked = mail_client.get(path)
    assert asked.status_code == 200 and "Ja, stop disse e-mails" in asked.content.decode()
    assert not EmailPreference.objects.filter(user=cast.leader).exists()  # a link scanner changes nothing
    done = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200 and "Du får ikke længere e-mails om" in done.content.decode()
    assert EmailPreference.objects.get(user=cast.leader, kind="story_digest").email is False
    # The next week's digest goes to the others, not to the leader.
    OutgoingEmail.objects.all().delete()
    send_story_digests.call("2099-W01")
    assert cast.leader.email not in OutgoingEmail.objects.values_list("to", flat=True)
    assert OutgoingEmail.objects.filter(to=cast.tr.email).exists()
    # A changed token, or one for a kind that does not exist, does nothing.
    forged = path.replace("fravalg/", "fravalg/x")
    assert mail_client.post(forged).status_code == 404
    assert mail_client.get("/notifikationer/fravalg/abc/").status_code == 404


def test_every_notification_mail_can_be_turned_off_but_a_password_reset_cannot(relay, cast):
    controller, inbox = relay
    controller.start()
    notify([cast.employee], "announcement", "Nyt om MED-møder")
    send_due()
    notice = email.message_from_bytes(inbox.messages[-1][1].encode(), policy=email.policy.default)
    assert notice["List-Unsubscribe"] and "Stop e-mails af denne slags" in notice.get_content()
    Client().post(reverse("password_reset"), {"email": cast.employee.email})
    send_due()
    reset = email.message_from_bytes(inbox.messages[-1][1].encode(), policy=email.policy.default)
    assert "password" in reset["Subject"].lower() or "adgangskode" in reset["Subject"].lower()
    assert reset["List-Unsubscribe"] is None and reset["Auto-Submitted"] == "auto-generated"
