"""One notification mechanism: in-app list with an unread count, and e-mail by preference."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from handlekraft.notifications.models import EmailPreference, Notification
from handlekraft.notifications.services import notify
from tests.conftest import delivered


def test_it_notifies_in_app_and_by_email(cast, client_as):
    notify([cast.employee, cast.other], "announcement", "Nyt om MED-møder", "Se datoerne.", "/organisation/")
    assert Notification.objects.filter(kind="announcement").count() == 2
    assert sorted(m.to[0] for m in delivered()) == ["anden@test.dk", "ansat@test.dk"]
    assert "Se datoerne." in delivered()[0].body
    assert "http://127.0.0.1:8000/organisation/" in delivered()[0].body
    html = client_as("employee").get(reverse("home")).content.decode()
    assert 'id="unread-count"' in html


def test_a_person_can_turn_email_off_per_kind(cast, client_as):
    client = client_as("employee")
    client.post(reverse("profile"), {"action": "email", "email-email_job_finished": "on"})
    assert EmailPreference.objects.get(user=cast.employee, kind="announcement").email is False
    notify([cast.employee], "announcement", "Hej")
    notify([cast.employee], "job_finished", "Færdig")
    assert [m.subject for m in delivered()] == ["Færdig"]
    assert Notification.objects.filter(recipient=cast.employee).count() == 2  # in-app always


def test_each_recipient_gets_their_own_language(cast):
    cast.other.language = "en"
    cast.other.save()
    notify([cast.employee, cast.other], "announcement", _("Notifikationer"))
    titles = dict(Notification.objects.values_list("recipient__email", "title"))
    assert titles["ansat@test.dk"] == "Notifikationer"
    assert titles["anden@test.dk"] == "Notifications"


def test_opening_marks_read_and_only_the_recipient_can(cast, client_as):
    (note,) = notify([cast.employee], "announcement", "Hej", url="/organisation/")
    assert client_as("other").post(reverse("notification-open", args=[note.pk])).status_code == 404
    response = client_as("employee").post(reverse("notification-open", args=[note.pk]))
    assert response["Location"] == "/organisation/"
    note.refresh_from_db()
    assert note.read is not None
    assert 'id="unread-count"' not in client_as("employee").get(reverse("home")).content.decode()


def test_mark_all_read(cast, client_as):
    notify([cast.employee], "announcement", "A")
    notify([cast.employee], "announcement", "B")
    client_as("employee").post(reverse("notifications-read"))
    assert Notification.objects.filter(recipient=cast.employee, read__isnull=True).count() == 0


def test_an_unknown_kind_is_a_programming_error(cast):
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify([cast.employee], "nope", "x")


def test_deactivated_people_get_nothing(cast):
    cast.employee.is_active = False
    cast.employee.save()
    notify([cast.employee], "announcement", "x")
    assert delivered() == [] and Notification.objects.count() == 0
