"""Signing in and out: lockout after repeated failures, password reset by e-mail, language."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, delivered


def login(client: Client, email: str, password: str):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_it_logs_in_with_email_and_password_and_out_again(cast):
    client = Client()
    response = login(client, "ANSAT@test.dk".lower(), PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "Anders Ansat" in client.get(reverse("home")).content.decode()
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_a_wrong_password_gets_a_danish_message(cast):
    html = login(Client(), "ansat@test.dk", "forkert").content.decode()
    assert "Indtast venligst korrekt e-mail og adgangskode" in html or "korrekt" in html
    assert 'data-module="error-summary"' in html


def test_it_locks_out_after_five_failures_even_with_the_right_password(cast):
    client = Client()
    for _ in range(5):
        login(client, "ansat@test.dk", "forkert")
    response = login(client, "ansat@test.dk", PASSWORD)
    assert response.status_code == 429
    assert "midlertidigt låst" in response.content.decode()
    # Another person on the same shared PC is not locked out.
    assert login(Client(), "leder@test.dk", PASSWORD).status_code == 302


def test_the_e_mail_is_not_case_sensitive_neither_for_login_nor_for_the_lockout(cast):
    assert login(Client(), "  Ansat@Test.DK ", PASSWORD).status_code == 302
    client = Client()
    for variant in ("Ansat@test.dk", "ANSAT@test.dk", "ansat@TEST.dk", "AnSaT@test.dk", "ansat@test.DK"):
        login(client, variant, "forkert")
    assert login(client, "ansat@test.dk", PASSWORD).status_code == 429  # five failures, one account


def test_a_deactivated_person_cannot_log_in(cast):
    cast.employee.is_active = False
    cast.employee.save()
    assert login(Client(), "ansat@test.dk", PASSWORD).status_code == 200


def test_password_reset_by_email(cast):
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "ansat@test.dk"})
    assert response.status_code == 302
    assert len(delivered()) == 1
    message = delivered()[0]
    assert message.to == ["ansat@test.dk"]
    assert message.subject == "Vælg en adgangskode til handlekraft"
    link = re.search(r"http://testserver(/adgangskode/ny/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    assert "Vælg en ny adgangskode" in form.content.decode()
    new = "en-helt-ny-adgangskode-42"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert login(Client(), "ansat@test.dk", new).status_code == 302


def test_password_reset_is_limited_to_three_mails_an_hour_per_address(cast):
    for _ in range(5):
        response = Client().post(reverse("password_reset"), {"email": "ansat@test.dk"})
        assert response.status_code == 302  # the same answer every time
    assert len(delivered()) == 3


def test_password_reset_does_not_tell_whether_an_account_exists(cast):
    response = Client().post(reverse("password_reset"), {"email": "findes.ikke@test.dk"})
    assert response.status_code == 302
    assert delivered() == []


def test_an_imported_person_without_password_sets_one_by_reset(cast):
    cast.other.set_unusable_password()
    cast.other.save()
    Client().post(reverse("password_reset"), {"email": "anden@test.dk"})
    # Django sends reset mail only to usable passwords unless we allow it: imported people need it.
    assert len(delivered()) == 1


def test_the_language_switch_shows_english_and_remembers_it(client_as, cast):
    client = client_as("employee")
    assert client.get(reverse("set-language", args=["en"]), {"next": "/organisation/"}).status_code == 405
    response = client.post(reverse("set-language", args=["en"]), {"next": "/organisation/"})
    assert response.status_code == 302 and response["Location"] == "/organisation/"
    html = client.get("/organisation/").content.decode()
    assert 'lang="en"' in html and "Accessibility statement" in html
    cast.employee.refresh_from_db()
    assert cast.employee.language == "en"


def test_the_language_switch_never_redirects_off_site(client_as):
    response = client_as("employee").post(
        reverse("set-language", args=["da"]), {"next": "https://evil.example"}
    )
    assert response["Location"] == "/"


def test_only_hr_gets_into_the_admin(client_as):
    assert client_as("hr").get("/admin/").status_code == 200
    assert client_as("hr").get("/admin/organisation/unit/").status_code == 200
    for who in ["leader", "employee", "other", "tr", "amr"]:
        response = client_as(who).get("/admin/", follow=True)
        assert response.status_code == 403, who
        assert "Du har ikke adgang" in response.content.decode()
    response = client_as("anonymous").get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/login/")
    assert "Log ind" in response.content.decode()


def test_an_english_browser_still_meets_danish_until_the_person_chooses(db):
    html = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="da"' in html and "Log ind" in html
