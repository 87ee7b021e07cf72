"""Personal one-time codes on paper: staff without e-mail sign in at a shared PC with a code their leader
printed; it works once, until it expires, and a new code voids the old one."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from handlekraft.organisation.models import SignInCode, User
from tests.conftest import CAST

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim(cast) -> User:
    from handlekraft.organisation.models import Membership, Role

    kim = User.objects.create_user(None, name="Kim Køkken", external_id="P-KIM")
    Membership.objects.create(user=kim, unit=cast.unit, role=Role.EMPLOYEE)
    return kim


def printed_code(client: Client, cast, person: User) -> str:
    response = client.post(
        f"/organisation/enheder/{cast.unit.external_id}/engangskoder/", {"people": [person.pk]}
    )
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert person.name in text and "/login/kode/" in text
    return re.search(r"Din engangskode:\s*(\S+)", text).group(1)


@pytest.mark.parametrize("who", CAST)
def test_who_may_print_codes_for_a_unit(client_as, cast, kim, who):
    page = client_as(who).get(f"/organisation/enheder/{cast.unit.external_id}/engangskoder/")
    assert page.status_code == {"leader": 200, "hr": 200, "anonymous": 302}.get(who, 403)


def test_the_leader_sees_the_people_without_email_first_and_must_choose_someone(client_as, cast, kim):
    leader = client_as("leader")
    page = leader.get(f"/organisation/enheder/{cast.unit.external_id}/engangskoder/").content.decode()
    assert page.index("Kim Køkken (ingen e-mail)") < page.index("Anders Ansat")
    assert f'value="{cast.leader.pk}"' not in page and f'value="{kim.pk}"' in page  # not for herself
    refused = leader.post(f"/organisation/enheder/{cast.unit.external_id}/engangskoder/", {})
    assert refused.status_code == 400 and "Vælg mindst én person." in refused.content.decode()
    unit_page = leader.get(cast.unit.get_absolute_url()).content.decode()
    assert "/engangskoder/" in unit_page
    assert "/engangskoder/" not in client_as("employee").get(cast.unit.get_absolute_url()).content.decode()


def test_a_printed_code_signs_in_once_typed_as_people_type_it(client_as, cast, kim):
    code = printed_code(client_as("leader"), cast, kim)
    at_pc = Client()
    signed_in = at_pc.post("/login/kode/", {"code": " " + code.lower().replace("-", " ") + " "}, follow=True)
    assert "Kim Køkken" in signed_in.content.decode() and "Husk at logge af" in signed_in.content.decode()
    at_pc.post("/logout/")
    again = Client().post("/login/kode/", {"code": code})
    assert again.status_code == 400 and "Koden virker ikke" in again.content.decode()
    assert 'id="id_code-error"' in again.content.decode()  # the message next to the field


def test_a_new_code_voids_the_old_and_an_expired_code_does_not_work(client_as, cast, kim):
    leader = client_as("leader")
    old = printed_code(leader, cast, kim)
    new = printed_code(leader, cast, kim)
    assert Client().post("/login/kode/", {"code": old}).status_code == 400
    SignInCode.objects.update(expires=timezone.localdate() - timedelta(days=1))
    assert Client().post("/login/kode/", {"code": new}).status_code == 400
    User.objects.filter(pk=kim.pk).update(is_active=False)
    fresh = printed_code(client_as("hr"), cast, User.objects.get(pk=cast.employee.pk))
    assert Client().post("/login/kode/", {"code": fresh}).status_code == 302  # the employee's own works


def test_guessing_is_stopped_after_ten_wrong_codes(client_as, cast, kim):
    cache.clear()
    code = printed_code(client_as("leader"), cast, kim)
    guesser = Client()
    for n in range(10):
        guesser.post("/login/kode/", {"code": f"AAAAA-AAAA{n}"})
    blocked = guesser.post("/login/kode/", {"code": code})
    assert blocked.status_code == 400 and "For mange forkerte koder" in blocked.content.decode()
    assert SignInCode.objects.get().used is None  # the real code is not spent by a blocked try


def test_only_the_hash_of_a_code_is_stored(client_as, cast, kim):
    code = printed_code(client_as("leader"), cast, kim)
    stored = SignInCode.objects.get()
    assert code.replace("-", "") not in stored.code_hash and len(stored.code_hash) == 64


def test_staff_without_email_get_their_notifications_in_the_app(kim, cast):
    from handlekraft.notifications.models import Notification, OutgoingEmail
    from handlekraft.notifications.services import notify

    notify([kim, cast.employee], "story_recognised", "En kollega har anerkendt din historie")
    assert Notification.objects.filter(recipient=kim).count() == 1  # in the app
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [
        cast.employee.email
    ]  # no mail to nobody
