"""`manage.py sync_os2mo` against a small OS2mo (tests/organisation/os2mo_server.py) over real HTTP."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from handlekraft.lib.csv_files import ImportFailed
from handlekraft.organisation import os2mo
from handlekraft.organisation.lifecycle import apply_due_changes
from handlekraft.organisation.models import Membership, PlannedRole, Role, Unit, User
from handlekraft.plan.models import LeaderOnboarding

from .os2mo_server import CLIENT_ID, CLIENT_SECRET, OS2mo, World

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
ROOT, AREA, HOME, TEAM = "u-kommune", "u-omsorg", "u-plejehjem", "u-team1"
LEA, OLE, KIM, TINA = "e-lea", "e-ole", "e-kim", "e-tina"


def municipality() -> World:
    world = World()
    world.units = {
        ROOT: {"name": "Eksempel Kommune", "parent": None},
        AREA: {"name": "Sundhed og omsorg", "parent": ROOT},
        HOME: {"name": "Plejehjemmet Solhøj", "parent": AREA},
        TEAM: {"name": "Solhøj, team 1", "parent": HOME},
    }
    world.employees = {
        LEA: {"name": "Lea Leder", "email": "lea@kommune.dk"},
        OLE: {"name": "Ole Omsorg", "email": "Ole@Kommune.dk"},
        KIM: {"name": "Kim Køkken", "email": ""},  # no work e-mail
        TINA: {"name": "Tina Tillid", "email": "tina@kommune.dk"},
    }
    world.engagements = [
        {"employee": LEA, "unit": HOME, "from": "2020-01-01", "to": None},
        {"employee": OLE, "unit": TEAM, "from": "2021-03-01", "to": None},
        {"employee": KIM, "unit": TEAM, "from": "2022-05-01", "to": None},
        {"employee": TINA, "unit": TEAM, "from": "2019-08-01", "to": None},
    ]
    world.managers = [
        {"employee": LEA, "unit": HOME, "from": "2020-01-01", "to": None},
        {"employee": None, "unit": TEAM, "from": "2020-01-01", "to": None},  # a vacant manager post
    ]
    world.associations = [
        {"employee": TINA, "unit": HOME, "type": "TR", "from": "2023-01-01", "to": None},
        {"employee": OLE, "unit": HOME, "type": "AMR", "from": "2023-01-01", "to": None},
        {"employee": KIM, "unit": HOME, "type": "Kontaktperson", "from": "2023-01-01", "to": None},
    ]
    return world


@pytest.fixture
def server():
    with OS2mo(municipality()) as running:
        yield running


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(os2mo, "PAGE_SIZE", 2)  # four units in two pages: the paging is exercised


def config(server, secret=CLIENT_SECRET) -> os2mo.Config:
    return os2mo.Config(
        url=server.url,
        token_url=f"{server.url}/auth/token",
        client_id=CLIENT_ID,
        client_secret=secret,
        tr_types=frozenset({"TR"}),
        amr_types=frozenset({"AMR"}),
    )


def roles_of(uuid: str) -> set[tuple[str, str]]:
    return set(Membership.objects.filter(user__external_id=uuid).values_list("unit__external_id", "role"))


def test_a_first_sync_creates_the_tree_people_and_roles_paging_through_os2mo(server):
    result = os2mo.sync(config(server))
    assert result.units_created == 4 and result.people_created == 4
    team = Unit.objects.get(external_id=TEAM)
    assert [u.external_id for u in team.ancestors()] == [ROOT, AREA, HOME]
    assert [Unit.objects.get(external_id=u).kind for u in (ROOT, AREA, HOME, TEAM)] == [
        "kommune",
        "omraade",
        "afdeling",
        "team",
    ]
    assert roles_of(LEA) == {(HOME, Role.EMPLOYEE), (HOME, Role.LEADER)}
    assert roles_of(TINA) == {(TEAM, Role.EMPLOYEE), (HOME, Role.TR)}
    assert roles_of(OLE) == {(TEAM, Role.EMPLOYEE), (HOME, Role.AMR)}
    assert roles_of(KIM) == {(TEAM, Role.EMPLOYEE)}  # "Kontaktperson" is neither TR nor AMR
    kim = User.objects.get(external_id=KIM)
    assert kim.email is None and kim.name == "Kim Køkken"
    assert User.objects.get(external_id=OLE).email == "ole@kommune.dk"
    assert (
        Membership.objects.get(user__external_id=OLE, role=Role.EMPLOYEE).starts_on.isoformat()
        == "2021-03-01"
    )
    assert any(q.get("cursor") for q in server.world.queries)  # it asked for the next pages


def test_a_second_sync_with_nothing_changed_changes_nothing(server):
    os2mo.sync(config(server))
    assert not os2mo.sync(config(server)).changed


def test_a_moved_unit_a_leaver_and_a_future_manager(server):
    os2mo.sync(config(server))
    world = server.world
    world.units[TEAM]["parent"] = AREA  # the team moves up under the area
    world.engagements = [e for e in world.engagements if e["employee"] != OLE]  # Ole leaves
    world.associations = [a for a in world.associations if a["employee"] != OLE]
    start = TODAY + timedelta(days=10)
    world.employees["e-nina"] = {"name": "Nina Ny", "email": "nina@kommune.dk"}
    world.managers.append({"employee": "e-nina", "unit": TEAM, "from": start.isoformat(), "to": None})
    world.engagements.append({"employee": "e-nina", "unit": TEAM, "from": start.isoformat(), "to": None})

    result = os2mo.sync(config(server))
    assert result.units_updated == 1 and result.people_deactivated == 1 and result.roles_planned == 2
    assert [u.external_id for u in Unit.objects.get(external_id=TEAM).ancestors()] == [ROOT, AREA]
    ole = User.objects.get(external_id=OLE)
    assert not ole.is_active and ole.left_on == TODAY
    nina = User.objects.get(external_id="e-nina")
    assert not nina.membership_set.exists() and PlannedRole.objects.filter(user=nina).count() == 2
    assert not os2mo.sync(config(server)).changed  # and again: nothing more

    apply_due_changes(start)
    assert roles_of("e-nina") == {(TEAM, Role.EMPLOYEE), (TEAM, Role.LEADER)}
    assert LeaderOnboarding.objects.get(leader=nina).started == start


def test_a_role_that_ends_later_keeps_its_last_day(server):
    last = TODAY + timedelta(days=30)
    server.world.associations[0]["to"] = last.isoformat()
    os2mo.sync(config(server))
    assert Membership.objects.get(user__external_id=TINA, role=Role.TR).ends_on == last


def test_people_without_an_os2mo_key_are_left_alone(server):
    User.objects.create_user("admin@kommune.dk", name="Lokal Administrator")
    os2mo.sync(config(server))
    assert User.objects.get(email="admin@kommune.dk").is_active


def test_bad_data_in_os2mo_is_reported_and_nothing_is_written(server):
    server.world.employees[KIM]["name"] = "Kim 010203-1234"
    server.world.employees[OLE]["email"] = "ikke en adresse"
    with pytest.raises(ImportFailed) as failed:
        os2mo.sync(config(server))
    assert failed.value.errors == [
        f"OS2mo-medarbejder {OLE}: ugyldig e-mailadresse 'ikke en adresse'",
        f"OS2mo-medarbejder {KIM}: navnet ser ud til at indeholde et CPR-nummer",
    ]
    assert not Unit.objects.exists() and not User.objects.exists()


def test_a_wrong_secret_or_an_os2mo_error_stops_the_sync_with_nothing_written(server):
    with pytest.raises(os2mo.OS2moUnavailable, match="Kunne ikke logge ind hos OS2mo"):
        os2mo.sync(config(server, secret="forkert"))
    server.world.fail_with = "Permission denied"
    with pytest.raises(os2mo.OS2moUnavailable, match="OS2mo afviste forespørgslen: Permission denied"):
        os2mo.sync(config(server))
    assert not Unit.objects.exists()


def test_the_command_reads_the_settings_and_reports_like_the_import(server, settings):
    settings.OS2MO_URL, settings.OS2MO_TOKEN_URL = server.url, f"{server.url}/auth/token"
    settings.OS2MO_CLIENT_ID, settings.OS2MO_CLIENT_SECRET = CLIENT_ID, CLIENT_SECRET
    out = StringIO()
    call_command("sync_os2mo", stdout=out)
    assert "Enheder: 4 oprettet, 0 ændret. Personer: 4 oprettet" in out.getvalue()
    settings.OS2MO_CLIENT_SECRET = "forkert"
    with pytest.raises(CommandError) as failed:
        call_command("sync_os2mo", stdout=StringIO(), stderr=StringIO())
    assert failed.value.returncode == 2 and "Intet er ændret" in str(failed.value)


def test_the_command_says_what_to_set_when_os2mo_is_not_configured(settings):
    settings.OS2MO_URL = ""
    with pytest.raises(CommandError, match="OS2MO_URL"):
        call_command("sync_os2mo")
