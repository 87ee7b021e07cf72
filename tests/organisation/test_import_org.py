"""`manage.py import_org`: upsert, all rows or none, `linje N: reason` for every bad row."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from handlekraft.organisation.models import Membership, Role, Unit, User

UNITS = """external_id,name,parent_external_id,kind
K,Kommunen,,kommune
A,Sundhed,K,omraade
D,Plejecenter Ågården,A,afdeling
T,Ågården team 1,D,team
"""
PEOPLE = """email,name,unit_external_id,role
Leder@Kommune.dk,Lotte Leder,D,leder
ansat@kommune.dk,Ane Ansat,T,medarbejder
tr@kommune.dk,Tim Tillid,T,medarbejder
tr@kommune.dk,Tim Tillid,D,tr
"""


def write(tmp_path, name: str, text: str, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(tmp_path, units=UNITS, people=None, *extra):
    args = [str(write(tmp_path, "units.csv", units))]
    if people is not None:
        args += ["--people", str(write(tmp_path, "people.csv", people))]
    out, err = StringIO(), StringIO()
    call_command("import_org", *args, *extra, stdout=out, stderr=err)
    return out.getvalue()


def fail(tmp_path, units=UNITS, people=None, *extra) -> list[str]:
    args = [str(write(tmp_path, "units.csv", units))]
    if people is not None:
        args += ["--people", str(write(tmp_path, "people.csv", people))]
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_org", *args, *extra, stdout=StringIO(), stderr=err)
    assert caught.value.returncode == 1
    return err.getvalue().strip().splitlines()


@pytest.mark.django_db
def test_it_imports_units_and_people(tmp_path):
    out = run(tmp_path, UNITS, PEOPLE)
    assert "4 oprettet" in out
    team = Unit.objects.get(external_id="T")
    assert [u.external_id for u in team.ancestors()] == ["K", "A", "D"]
    assert Unit.objects.get(external_id="K").subtree().count() == 4
    leader = User.objects.get(email="leder@kommune.dk")  # e-mail is matched in lower case
    assert leader.name == "Lotte Leder"
    assert not leader.has_usable_password()  # SSO or a reset link, never a default password
    tr = User.objects.get(email="tr@kommune.dk")
    assert set(tr.membership_set.values_list("unit__external_id", "role")) == {
        ("T", Role.EMPLOYEE),
        ("D", Role.TR),
    }


@pytest.mark.django_db
def test_reimporting_the_same_files_changes_nothing(tmp_path):
    run(tmp_path, UNITS, PEOPLE)
    before = list(Unit.objects.values_list("pk", "path", "name").order_by("pk"))
    out = run(tmp_path, UNITS, PEOPLE)
    assert "Enheder: 0 oprettet, 0 ændret. Personer: 0 oprettet, 0 ændret, 0 deaktiveret." in out
    assert "Roller: 0 tilføjet, 0 fjernet, 0 med nye datoer, 0 kommende." in out
    assert list(Unit.objects.values_list("pk", "path", "name").order_by("pk")) == before


@pytest.mark.django_db
def test_it_upserts_renames_and_moves_a_subtree(tmp_path):
    run(tmp_path, UNITS, PEOPLE)
    moved = UNITS.replace("D,Plejecenter Ågården,A,afdeling", "D,Plejecenter Ågaarden,K,afdeling")
    people = PEOPLE.replace("Ane Ansat,T,medarbejder", "Ane B. Ansat,D,medarbejder")
    run(tmp_path, moved, people)
    team = Unit.objects.get(external_id="T")
    assert [u.external_id for u in team.ancestors()] == ["K", "D"]
    assert Unit.objects.get(external_id="D").name == "Plejecenter Ågaarden"
    ane = User.objects.get(email="ansat@kommune.dk")
    assert ane.name == "Ane B. Ansat"
    assert list(ane.membership_set.values_list("unit__external_id", flat=True)) == ["D"]


@pytest.mark.django_db
def test_deactivate_missing_deactivates_but_never_deletes(tmp_path):
    run(tmp_path, UNITS, PEOPLE)
    fewer = "\n".join(line for line in PEOPLE.splitlines() if "ansat@" not in line) + "\n"
    run(tmp_path, UNITS, fewer, "--deactivate-missing")
    ane = User.objects.get(email="ansat@kommune.dk")
    assert ane.is_active is False
    assert User.objects.get(email="leder@kommune.dk").is_active
    run(tmp_path, UNITS, PEOPLE)  # back in the file: active again
    ane.refresh_from_db()
    assert ane.is_active


@pytest.mark.django_db
def test_without_deactivate_missing_absent_people_stay_active(tmp_path):
    run(tmp_path, UNITS, PEOPLE)
    run(tmp_path, UNITS, "email,name,unit_external_id,role\nleder@kommune.dk,Lotte Leder,D,leder\n")
    assert User.objects.get(email="ansat@kommune.dk").is_active


@pytest.mark.django_db
def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path):
    units = """external_id,name,parent_external_id,kind
K,Kommunen,,kommune
A,,K,omraade
B,Bad kind,K,region
K,Dublet,,kommune
X,Forældreløs,NOPE,team
"""
    errors = fail(tmp_path, units)
    assert errors[0].startswith("linje 3: ") and "navn mangler" in errors[0]
    assert errors[1].startswith("linje 4: ") and "ukendt type 'region'" in errors[1]
    assert errors[2].startswith("linje 5: ") and "står også i linje 2" in errors[2]
    assert errors[3].startswith("linje 6: ") and "NOPE" in errors[3]
    assert len(errors) == 4
    assert Unit.objects.count() == 0


@pytest.mark.django_db
def test_bad_people_rows_keep_the_units_out_too(tmp_path):
    people = """email,name,unit_external_id,role
ikke-en-mail,Navn,D,medarbejder
ok@kommune.dk,,D,medarbejder
ok2@kommune.dk,Ok,UKENDT,medarbejder
ok3@kommune.dk,Ok,D,chef
ok4@kommune.dk,Ok,D,leder
ok4@kommune.dk,Ok,D,leder
"""
    errors = fail(tmp_path, UNITS, people)
    assert [e.split(":")[0] for e in errors] == ["linje 2", "linje 3", "linje 4", "linje 5", "linje 7"]
    assert "ugyldig e-mailadresse" in errors[0]
    assert "navn mangler" in errors[1]
    assert "UKENDT" in errors[2]
    assert "ukendt rolle 'chef'" in errors[3]
    assert "står også i linje 6" in errors[4]
    assert Unit.objects.count() == 0
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_name_holding_a_cpr_number_is_refused_with_its_line(tmp_path):
    units = UNITS + "Z,Team 070761-4285,D,team\n"
    people = PEOPLE + "cpr@kommune.dk,Karin 07 07 61 4285,D,medarbejder\n"
    errors = fail(tmp_path, units, people)
    assert len(errors) == 2 and all("ligner" in e or "CPR-nummer" in e for e in errors)
    assert "4285" not in " ".join(errors)  # the control digits are never echoed
    assert User.objects.count() == 0 and Unit.objects.count() == 0


@pytest.mark.django_db
def test_a_cycle_is_refused(tmp_path):
    units = "external_id,name,parent_external_id,kind\nA,A,B,afdeling\nB,B,A,afdeling\n"
    errors = fail(tmp_path, units)
    assert len(errors) == 2 and all("ring i træet" in e for e in errors)


@pytest.mark.django_db
def test_a_missing_column_is_reported_on_line_1(tmp_path):
    errors = fail(tmp_path, "external_id,name,kind\nK,K,kommune\n")
    assert errors == [
        "linje 1: UNITS.csv mangler kolonnen/kolonnerne parent_external_id "
        "(forventet: external_id,name,parent_external_id,kind)"
    ]


@pytest.mark.django_db
def test_latin1_file_gets_a_line_number(tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes("external_id,name,parent_external_id,kind\nK,Ærø Kommune,,kommune\n".encode("latin-1"))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_org", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().strip() == "linje 2: UNITS.csv er ikke gemt som UTF-8"


@pytest.mark.django_db
def test_a_byte_order_mark_and_quoted_multiline_names_are_fine(tmp_path):
    units = (
        "\ufeffexternal_id,name,parent_external_id,kind\n"
        'K,"Kommunen, den gode",,kommune\n'
        'A,"To\nlinjer",K,omraade\n'
        "B,Tredje,K,omraade\n"
    )
    run(tmp_path, units)
    assert Unit.objects.get(external_id="K").name == "Kommunen, den gode"
    # line numbers count physical lines: B starts on line 5
    errors = fail(tmp_path, units.replace("B,Tredje,K,omraade", "B,Tredje,K,land"))
    assert errors[0].startswith("linje 5: ")


@pytest.mark.django_db
def test_deactivate_missing_needs_a_people_file(tmp_path):
    errors = fail(tmp_path, UNITS, None, "--deactivate-missing")
    assert "PEOPLE.csv" in errors[0]


@pytest.mark.django_db
def test_existing_memberships_of_people_not_in_the_file_are_kept(tmp_path):
    run(tmp_path, UNITS, PEOPLE)
    other = User.objects.create_user("x@kommune.dk", name="X")
    Membership.objects.create(user=other, unit=Unit.objects.get(external_id="T"), role=Role.EMPLOYEE)
    run(tmp_path, UNITS, PEOPLE)
    assert other.membership_set.count() == 1
