"""`manage.py demo` builds Eksempel Kommune, can run again, and the demo accounts work."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from handlekraft.organisation.models import Committee, Membership, Unit, User


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_is_idempotent_and_prints_the_logins():
    out = StringIO()
    call_command("demo", stdout=out)
    counts = (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Committee.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert counts == (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Committee.objects.count(),
    )
    text = out.getvalue()
    for email in [
        "leder@eksempel.dk",
        "medarbejder@eksempel.dk",
        "tr@eksempel.dk",
        "amr@eksempel.dk",
        "hr@eksempel.dk",
    ]:
        assert email in text
    assert "handlekraft-demo" in text
    areas = set(Unit.objects.filter(kind="omraade").values_list("name", flat=True))
    assert areas == {
        "Sundhed og omsorg",
        "Socialområdet",
        "Børne- og familieområdet",
        "Skole- og dagtilbudsområdet",
        "Administrationen",
    }
    assert Committee.objects.filter(kind="HU").count() == 1
    assert Committee.objects.filter(kind="OMU").count() == 5
    assert Committee.objects.filter(kind="LMU").count() >= 3


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_every_demo_account_logs_in():
    call_command("demo", stdout=StringIO())
    for email in [
        "leder@eksempel.dk",
        "medarbejder@eksempel.dk",
        "tr@eksempel.dk",
        "amr@eksempel.dk",
        "hr@eksempel.dk",
    ]:
        response = Client().post("/login/", {"username": email, "password": "handlekraft-demo"})
        assert response.status_code == 302, email
