"""Single sign-on matches people by e-mail and lets no deactivated or unknown person in."""

from __future__ import annotations

from handlekraft.organisation.oidc import EmailOIDCBackend


def test_it_matches_by_email_in_any_case(cast):
    backend = EmailOIDCBackend.__new__(EmailOIDCBackend)  # no provider settings needed for matching
    assert list(backend.filter_users_by_claims({"email": "ANSAT@test.dk"})) == [cast.employee]
    assert list(backend.filter_users_by_claims({"upn": "leder@test.dk"})) == [cast.leader]
    assert list(backend.filter_users_by_claims({"email": "ukendt@test.dk"})) == []
    assert not backend.verify_claims({"sub": "123"})


def test_a_deactivated_person_is_not_matched(cast):
    cast.employee.is_active = False
    cast.employee.save()
    backend = EmailOIDCBackend.__new__(EmailOIDCBackend)
    assert list(backend.filter_users_by_claims({"email": "ansat@test.dk"})) == []
