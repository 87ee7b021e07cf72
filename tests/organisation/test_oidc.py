"""Single sign-on matching: by e-mail at the first login, by the provider's stable key after it; nobody
deactivated, unknown or already linked to another login gets in (the whole flow against a real
provider is in tests/test_sso.py)."""

from __future__ import annotations

from types import SimpleNamespace

from handlekraft.organisation.oidc import Refusal, SSOBackend, subject_of


def backend() -> SSOBackend:
    sso = SSOBackend.__new__(SSOBackend)  # no provider settings needed for matching
    sso.request = SimpleNamespace()
    sso.get_userinfo = lambda access, id_token, payload: payload
    return sso


def test_the_first_login_matches_by_email_in_any_case_and_links_the_login(cast):
    sso = backend()
    assert sso.get_or_create_user("", "", {"sub": "s-1", "email": "ANSAT@test.dk"}) == cast.employee
    cast.employee.refresh_from_db()
    assert cast.employee.sso_subject == "s-1"
    assert sso.get_or_create_user("", "", {"sub": "s-2", "upn": "leder@test.dk"}) == cast.leader


def test_after_the_first_login_the_key_decides_not_the_email(cast):
    sso = backend()
    sso.get_or_create_user("", "", {"sub": "s-1", "email": "ansat@test.dk"})
    # The address changed at the provider: still the same person.
    assert sso.get_or_create_user("", "", {"sub": "s-1", "email": "ny@test.dk"}) == cast.employee
    # Someone else whose login says the employee's address does not become the employee.
    assert sso.get_or_create_user("", "", {"sub": "s-9", "email": "ansat@test.dk"}) is None
    assert sso.request.sso_refusal == Refusal.OTHER_LOGIN


def test_entra_oid_is_the_key_when_given():
    assert subject_of({"sub": "pairwise-per-app", "oid": "00000000-aaaa"}) == "00000000-aaaa"
    assert subject_of({"sub": "kc-123"}) == "kc-123"


def test_unknown_and_deactivated_people_are_refused_with_a_reason(cast, settings):
    sso = backend()
    assert sso.get_or_create_user("", "", {"sub": "s-3", "email": "ukendt@test.dk"}) is None
    assert sso.request.sso_refusal == Refusal.NOT_IMPORTED
    cast.employee.is_active = False
    cast.employee.save()
    settings.OIDC_CREATE_USER = True  # even so: a deactivated person is not created again
    assert sso.get_or_create_user("", "", {"sub": "s-4", "email": "ansat@test.dk"}) is None
    assert sso.request.sso_refusal == Refusal.DEACTIVATED


def test_with_create_user_a_new_person_is_created_and_linked(cast, settings):
    settings.OIDC_CREATE_USER = True
    user = backend().get_or_create_user("", "", {"sub": "s-5", "email": "Ny@Test.dk", "name": "Nina Ny"})
    assert (user.email, user.name, user.sso_subject) == ("ny@test.dk", "Nina Ny", "s-5")


def test_staff_without_email_are_found_by_the_employee_key_claim(cast, settings):
    settings.OIDC_EMPLOYEE_KEY_CLAIM = "employee_id"
    kim = type(cast.employee).objects.create_user(None, name="Kim Køkken", external_id="P-KIM")
    sso = backend()
    assert sso.get_or_create_user("", "", {"sub": "s-kim", "employee_id": "P-KIM"}) == kim
    kim.refresh_from_db()
    assert kim.sso_subject == "s-kim"  # linked: from now on the login's own key decides
    assert sso.get_or_create_user("", "", {"sub": "s-kim"}) == kim
    assert sso.get_or_create_user("", "", {"sub": "s-x", "employee_id": "P-NOBODY"}) is None
    assert sso.request.sso_refusal == Refusal.NOT_IMPORTED  # a key nobody has: not imported, not "no e-mail"
    settings.OIDC_EMPLOYEE_KEY_CLAIM = ""
    assert (
        backend().get_or_create_user("", "", {"sub": "s-y", "employee_id": "P-KIM"}) is None
    )  # claim not used
