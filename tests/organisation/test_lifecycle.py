"""People's lifecycle from HR's files: a stable key, roles with dates, new leaders and people who leave."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from handlekraft.lib.csv_files import ImportFailed
from handlekraft.mandates.models import PokerSession
from handlekraft.organisation.importing import import_org
from handlekraft.organisation.lifecycle import apply_due_changes
from handlekraft.organisation.models import Membership, PlannedRole, Role, Unit, User
from handlekraft.plan import onboarding
from handlekraft.plan.models import LeaderOnboarding

pytestmark = pytest.mark.django_db

UNITS = """external_id,name,parent_external_id,kind
K,Kommunen,,kommune
A,Sundhed,K,omraade
D,Plejecenter Ågården,A,afdeling
"""
TODAY = timezone.localdate()


def people(*rows: str) -> str:
    return "email,name,unit_external_id,role,external_id,start_date,end_date\n" + "\n".join(rows) + "\n"


def first_import() -> None:
    import_org(
        UNITS,
        people("leder@kommune.dk,Lotte Leder,D,leder,P1,,", "ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,"),
    )


def test_an_email_change_keeps_the_person_found_by_their_key():
    first_import()
    ane = User.objects.get(external_id="P2")
    result = import_org(
        UNITS,
        people("leder@kommune.dk,Lotte Leder,D,leder,P1,,", "ane.b@kommune.dk,Ane Ansat,D,medarbejder,P2,,"),
    )
    assert result.people_created == 0 and result.people_updated == 1
    assert User.objects.get(pk=ane.pk).email == "ane.b@kommune.dk"
    assert not User.objects.filter(email="ane@kommune.dk").exists()


def test_a_person_without_email_is_imported_by_their_key_and_a_second_run_changes_nothing():
    file = people("leder@kommune.dk,Lotte Leder,D,leder,P1,,", ",Kim Køkken,D,medarbejder,P3,,")
    import_org(UNITS, file)
    kim = User.objects.get(external_id="P3")
    assert kim.email is None and kim.membership_set.get().role == Role.EMPLOYEE
    assert not import_org(UNITS, file).changed


def test_an_existing_person_found_by_email_is_given_their_key():
    import_org(UNITS, "email,name,unit_external_id,role\nleder@kommune.dk,Lotte Leder,D,leder\n")
    lotte = User.objects.get(email="leder@kommune.dk")
    import_org(UNITS, people("leder@kommune.dk,Lotte Leder,D,leder,P1,,"))
    assert User.objects.get(pk=lotte.pk).external_id == "P1" and User.objects.count() == 1


def test_semicolon_separated_files_from_danish_excel_import():
    units = UNITS.replace(",", ";")
    file = people("leder@kommune.dk,Lotte Leder,D,leder,P1,,").replace(",", ";")
    result = import_org(units.encode("utf-8-sig"), file.encode("utf-8-sig"))
    assert result.units_created == 3 and User.objects.get(external_id="P1").name == "Lotte Leder"


def test_bad_dates_and_a_taken_email_are_reported_by_line_and_nothing_is_written():
    first_import()
    with pytest.raises(ImportFailed) as failed:
        import_org(
            UNITS,
            people(
                "ny@kommune.dk,Ny Leder,D,leder,P9,1-2-2027,",
                "x@kommune.dk,X,D,medarbejder,P8,2027-02-01,2027-01-01",
                ",Uden Nøgle,D,medarbejder,,,",
                "x@kommune.dk,Y,D,medarbejder,P10,,",
            ),
        )
    assert failed.value.errors == [
        "linje 2: start_date '1-2-2027' er ikke en dato som 2027-01-31",
        "linje 3: end_date ligger før start_date",
        "linje 4: ugyldig e-mailadresse ''",
        "linje 5: e-mailadressen står også i linje 3 for en anden person",
    ]
    with pytest.raises(ImportFailed) as taken:
        import_org(UNITS, people("ane@kommune.dk,Ane Anden,D,medarbejder,P7,,"))
    assert taken.value.errors == ["linje 2: e-mailadressen ane@kommune.dk tilhører en anden person"]
    assert not User.objects.filter(external_id__in=["P7", "P8", "P9"]).exists()


def test_a_future_leader_gets_the_role_on_the_start_date_and_onboarding_counts_from_then():
    first_import()
    unit = Unit.objects.get(external_id="D")
    # What the predecessor did: a delegation poker held before the new leader's start.
    lotte = User.objects.get(external_id="P1")
    poker = PokerSession.objects.create(
        unit=unit, title="Poker", created_by=lotte, status=PokerSession.Status.CLOSED
    )
    start = TODAY + timedelta(days=14)
    file = people(
        f"ny@kommune.dk,Nina Ny,D,leder,P5,{start.isoformat()},",
        f"leder@kommune.dk,Lotte Leder,D,leder,P1,,{(start - timedelta(days=1)).isoformat()}",
        "ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,",
    )
    result = import_org(UNITS, file)
    nina = User.objects.get(external_id="P5")
    assert result.roles_planned == 1 and not nina.membership_set.exists()  # no rights before the start
    assert PlannedRole.objects.get(user=nina).starts_on == start
    assert not import_org(UNITS, file).changed

    assert apply_due_changes(start - timedelta(days=1)).started == 0
    due = apply_due_changes(start)
    assert due.started == 1 and due.ended == 1 and due.closed == 1  # Lotte's last day was yesterday
    assert nina.membership_set.get().role == Role.LEADER
    lotte.refresh_from_db()
    assert not lotte.is_active and lotte.left_on == start - timedelta(days=1)

    started = LeaderOnboarding.objects.get(leader=nina, unit=unit)
    assert started.started == start
    PokerSession.objects.filter(pk=poker.pk).update(created=timezone.now() - timedelta(days=30))
    nina = User.objects.get(pk=nina.pk)
    [progress] = onboarding.progress(
        list(LeaderOnboarding.objects.filter(leader=nina).select_related("leader", "unit"))
    )
    assert not any(item.done for item in progress.items)  # nothing from before the start is ticked


def test_a_file_of_new_hires_with_a_new_unit_and_its_new_leader_starts_that_leaders_onboarding():
    first_import()
    units = UNITS + "N,Nyt botilbud,A,afdeling\n"
    import_org(units, people(f"bo@kommune.dk,Bo Boss,N,leder,P6,{TODAY.isoformat()},"))
    bo = User.objects.get(external_id="P6")
    onboarding_of_bo = LeaderOnboarding.objects.get(leader=bo)
    assert onboarding_of_bo.unit.external_id == "N" and onboarding_of_bo.started == TODAY
    assert onboarding.for_leader(User.objects.get(pk=bo.pk))
    client = Client()
    client.force_login(bo, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("plan:my-onboarding")).content.decode()
    assert "Du har ingen tjekliste som ny leder" not in page and "Nyt botilbud" in page
    assert "0 af 7 er på plads" in page and "✓" not in page  # nothing done yet


def test_the_first_import_starts_no_onboarding_for_the_leaders_the_municipality_has():
    first_import()
    assert not LeaderOnboarding.objects.exists()


def test_a_person_whose_roles_have_all_ended_has_left_and_is_closed_at_once():
    first_import()
    yesterday = TODAY - timedelta(days=1)
    result = import_org(
        UNITS,
        people(
            "leder@kommune.dk,Lotte Leder,D,leder,P1,,",
            f"ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,{yesterday}",
        ),
    )
    ane = User.objects.get(external_id="P2")
    assert result.people_deactivated == 1 and not ane.is_active and ane.left_on == yesterday
    assert not ane.membership_set.exists()
    assert not import_org(
        UNITS,
        people(
            "leder@kommune.dk,Lotte Leder,D,leder,P1,,",
            f"ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,{yesterday}",
        ),
    ).changed


def test_a_role_ending_later_ends_after_its_last_day_and_only_then():
    first_import()
    last_day = TODAY + timedelta(days=3)
    import_org(
        UNITS,
        people(
            "leder@kommune.dk,Lotte Leder,D,leder,P1,,",
            f"ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,{last_day}",
        ),
    )
    assert Membership.objects.get(user__external_id="P2").ends_on == last_day
    assert apply_due_changes(last_day).ended == 0  # the last day itself still holds
    assert apply_due_changes(last_day + timedelta(days=1)).closed == 1
    assert not User.objects.get(external_id="P2").is_active


def test_deactivate_missing_records_the_day_a_person_left():
    first_import()
    import_org(UNITS, people("leder@kommune.dk,Lotte Leder,D,leder,P1,,"), deactivate_missing=True)
    ane = User.objects.get(external_id="P2")
    assert not ane.is_active and ane.left_on == TODAY


def test_apply_org_changes_runs_as_a_command(capsys):
    from django.core.management import call_command

    call_command("apply_org_changes")
    assert "Roller: 0 begyndt, 0 ophørt. Konti lukket: 0." in capsys.readouterr().out


def test_the_old_four_column_file_still_imports():
    import_org(UNITS, "email,name,unit_external_id,role\nleder@kommune.dk,Lotte Leder,D,leder\n")
    assert User.objects.get(email="leder@kommune.dk").external_id == ""
    held = Membership.objects.get()  # the file has no dates: the role holds from now on, with no end
    assert held.starts_on is None and held.ends_on is None and not PlannedRole.objects.exists()


def test_a_moved_persons_stories_and_experiments_stay_where_they_were_made():
    from handlekraft.experiments.models import Experiment
    from handlekraft.stories.models import Story

    units = UNITS + "N,Nyt botilbud,A,afdeling\n"
    import_org(units, people("ane@kommune.dk,Ane Ansat,D,medarbejder,P2,,"))
    ane, home = User.objects.get(external_id="P2"), Unit.objects.get(external_id="D")
    story = Story.objects.create(author=ane, unit=home, title="Vi prøvede noget nyt", body="Det gik godt.")
    experiment = Experiment.objects.create(
        unit=home,
        title="Selv vælge vikar",
        hypothesis="h",
        action="a",
        measure="m",
        success="s",
        start=TODAY,
        end=TODAY + timedelta(days=30),
        created_by=ane,
    )
    experiment.owners.add(ane)
    import_org(units, people("ane@kommune.dk,Ane Ansat,N,medarbejder,P2,,"))  # Ane moves to N
    assert ane.membership_set.get().unit.external_id == "N"
    story.refresh_from_db()
    experiment.refresh_from_db()
    assert story.unit == home and experiment.unit == home and story.author == ane
