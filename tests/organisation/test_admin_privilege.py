"""Least privilege in the admin: HR manages people, units, roles and committees, but cannot take over an
account (no passwords, no technical rights, no superuser or staff account)."""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry

from handlekraft.organisation.models import Membership, Role, Unit, User
from tests.conftest import PASSWORD


def test_hr_cannot_set_a_password(client_as, cast):
    hr = client_as("hr")
    assert hr.get(f"/admin/organisation/user/{cast.tr.pk}/password/").status_code == 403
    response = hr.post(
        f"/admin/organisation/user/{cast.tr.pk}/password/",
        {"password1": "EtNytKodeord123!", "password2": "EtNytKodeord123!"},
    )
    assert response.status_code == 403
    cast.tr.refresh_from_db()
    assert cast.tr.check_password(PASSWORD)
    page = hr.get(f"/admin/organisation/user/{cast.tr.pk}/change/").content.decode()
    assert "password/" not in page and 'name="is_superuser"' not in page and 'name="is_staff"' not in page


def test_hr_cannot_make_itself_superuser_through_the_change_form(client_as, cast):
    hr = client_as("hr")
    hr.post(
        f"/admin/organisation/user/{cast.hr.pk}/change/",
        {
            "email": cast.hr.email,
            "name": cast.hr.name,
            "language": "da",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "membership_set-TOTAL_FORMS": "0",
            "membership_set-INITIAL_FORMS": "0",
        },
    )
    cast.hr.refresh_from_db()
    assert not cast.hr.is_superuser and not cast.hr.is_staff


def test_hr_cannot_open_or_delete_a_superuser(client_as, cast):
    root = User.objects.create_superuser("root@test.dk", PASSWORD, name="Teknisk administrator")
    hr = client_as("hr")
    page = hr.get(f"/admin/organisation/user/{root.pk}/change/").content.decode()
    assert 'name="_save"' not in page and 'name="email"' not in page  # shown, read only
    hr.post(
        f"/admin/organisation/user/{root.pk}/change/",
        {"email": "hr-ejer@test.dk", "name": "Overtaget", "language": "da", "is_active": "on"},
    )
    hr.post(f"/admin/organisation/user/{root.pk}/delete/", {"post": "yes"})
    root.refresh_from_db()
    assert root.email == "root@test.dk" and root.is_active


def test_hr_adds_a_person_without_a_password_and_gives_a_role(client_as, cast):
    hr = client_as("hr")
    response = hr.post(
        "/admin/organisation/user/add/",
        {
            "email": "ny@test.dk",
            "name": "Nina Ny",
            "language": "da",
            "membership_set-TOTAL_FORMS": "1",
            "membership_set-INITIAL_FORMS": "0",
            "membership_set-0-unit": cast.unit.pk,
            "membership_set-0-role": Role.EMPLOYEE,
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="ny@test.dk")
    assert not person.has_usable_password()
    assert Membership.objects.filter(user=person, unit=cast.unit, role=Role.EMPLOYEE).exists()


def test_every_admin_change_is_in_the_audit_log(client_as, cast):
    hr = client_as("hr")
    hr.post(
        f"/admin/organisation/unit/{cast.team.pk}/change/",
        {"name": "Bøgely, afsnit 1 (nyt navn)", "external_id": "T", "kind": "team", "parent": cast.unit.pk},
    )
    assert Unit.objects.get(pk=cast.team.pk).name.endswith("(nyt navn)")
    entry = LogEntry.objects.get(object_id=str(cast.team.pk), action_flag=CHANGE)
    assert entry.user == cast.hr


def test_a_superuser_still_sets_passwords(client, cast):
    root = User.objects.create_superuser("root@test.dk", PASSWORD, name="Teknisk administrator")
    client.force_login(root)
    assert client.get(f"/admin/organisation/user/{cast.tr.pk}/password/").status_code == 200
