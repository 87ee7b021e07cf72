"""The HU page "Status på aktørskab" (stored figures, exports) and onboarding computed from real data."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from handlekraft.dialogue.material import ensure_templates
from handlekraft.dialogue.models import Meeting, MeetingTemplate
from handlekraft.experiments.models import Experiment
from handlekraft.mandates.models import DecisionArea, PokerSession
from handlekraft.organisation.models import Role
from handlekraft.plan import onboarding, status
from handlekraft.plan.models import LeaderOnboarding
from handlekraft.pulse.models import Action, ActionPlan, Survey
from handlekraft.stories.models import Recognition
from tests.conftest import CAST, make_user
from tests.plan.conftest import sit_in
from tests.stories.conftest import make_story


def experiment(unit, status: str) -> Experiment:
    return Experiment.objects.create(
        unit=unit,
        title="Selv vælge vikar",
        hypothesis="Vi tror, at teamet finder en bedre vikar",
        action="Teamet vælger selv vikar",
        measure="Antal vagter dækket",
        success="Alle vagter dækkes",
        start=date(2026, 9, 1),
        end=date(2026, 12, 1),
        status=status,
    )


@pytest.mark.parametrize("who", CAST)
def test_who_sees_the_status_page(client_as, cast, who):
    status.compute()
    response = client_as(who).get("/plan/status/")
    expected = {"hr": 200, "anonymous": 302}.get(who, 403)
    assert response.status_code == expected


def test_hu_members_see_it_and_it_costs_at_most_ten_queries(
    client_as, cast, plan, django_assert_max_num_queries
):
    sit_in(plan.hu_committee, cast.employee)
    status.compute()
    client = client_as("employee")
    client.get("/plan/status/")
    with django_assert_max_num_queries(10):
        assert client.get("/plan/status/").status_code == 200


def test_the_figures_follow_the_data_and_link_to_what_lies_behind(client_as, cast):
    status.compute()
    before = client_as("hr").get("/plan/status/").context
    assert before["total"]["stories_total"] == 0 and before["total"]["reviewed_share"] == 0
    story = make_story(cast)
    Recognition.objects.create(story=story, user=cast.leader)
    DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar", level=6)
    experiment(cast.unit, Experiment.Status.RUNNING)
    # The page reads stored figures: nothing changes until they are computed again.
    assert client_as("hr").get("/plan/status/").context["total"]["stories_total"] == 0
    status.compute()
    context = client_as("hr").get("/plan/status/").context
    area = next(row for row in context["areas"] if row["name"] == "Område Syd")
    total = context["total"]
    assert (total["stories_total"], total["recognitions_total"]) == (1, 1)
    assert area["stories"][-1] == 1 and area["recognitions"][-1] == 1
    assert dict(area["experiments"])["I gang"] == 1
    assert (area["units_reviewed"], area["units"]) == (1, 4)  # A, D, T and O
    assert total["reviewed_share"] == round(100 * 1 / 6)
    assert area["links"]["stories"].startswith("/historier/?") and "enhed=A" in area["links"]["stories"]
    assert area["links"]["raaderum"] == "/raaderum/enheder/A/"
    html = client_as("hr").get("/plan/status/").content.decode()
    assert '<a href="/proevehandlinger/?enhed=A">1</a>' in html


def test_the_status_report_as_docx_and_pdf(client_as, cast):
    make_story(cast)
    status.compute()
    client = client_as("hr")
    response = client.get("/plan/status/rapport.docx")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Status på aktørskab" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Område Syd" in cells and "Testkommune" in cells
    pdf = PdfReader(io.BytesIO(client.get("/plan/status/rapport.pdf").content))
    assert "Status på aktørskab" in pdf.pages[0].extract_text()
    assert client_as("employee").get("/plan/status/rapport.pdf").status_code == 403


def test_hr_asks_for_fresh_figures(client_as, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("hr").post("/plan/status/opdater/")
    assert response.status_code == 302
    assert status.latest() is not None  # the immediate task backend ran it
    assert client_as("leader").post("/plan/status/opdater/").status_code == 403


def leader_items(cast) -> dict[str, bool]:
    [progress] = onboarding.for_leader(type(cast.leader).objects.get(pk=cast.leader.pk))
    return {item.key: item.done for item in progress.items}


def test_a_new_leader_starts_onboarding_and_each_item_follows_the_data(cast):
    ensure_templates(MeetingTemplate)
    assert LeaderOnboarding.objects.filter(leader=cast.leader, unit=cast.unit).exists()
    assert not any(leader_items(cast).values())

    area = DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar", level=6)
    assert leader_items(cast)["raaderum"]
    DecisionArea.objects.filter(pk=area.pk).update(updated=timezone.now() - timedelta(days=400))
    assert not leader_items(cast)["raaderum"]  # not reviewed within the last year

    template = MeetingTemplate.objects.get(name="Hvad er aktørskab for os?")
    meeting = Meeting.objects.create(title="Hvad er aktørskab for os?", committee=cast.lmu, template=template)
    assert not leader_items(cast)["hvad-er-aktoerskab"]  # planned, not held
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CLOSED)
    assert leader_items(cast)["hvad-er-aktoerskab"]

    session = PokerSession.objects.create(unit=cast.unit, title="Poker", created_by=cast.leader)
    assert not leader_items(cast)["delegationspoker"]
    PokerSession.objects.filter(pk=session.pk).update(status=PokerSession.Status.CLOSED)
    assert leader_items(cast)["delegationspoker"]

    elsewhere = make_story(cast, author=cast.other, unit=cast.other_unit)
    assert not leader_items(cast)["historie"]
    Recognition.objects.create(story=elsewhere, user=cast.leader)
    assert leader_items(cast)["historie"]

    idea = experiment(cast.team, Experiment.Status.IDEA)
    assert not leader_items(cast)["proevehandling"]  # an idea is not started
    Experiment.objects.filter(pk=idea.pk).update(status=Experiment.Status.RUNNING)
    assert leader_items(cast)["proevehandling"]  # in a team below the unit

    survey = Survey.objects.create(
        title="Puls", unit=cast.kommune, opens=date(2026, 11, 1), closes=date(2026, 11, 20), round="2026Q4"
    )
    Survey.objects.filter(pk=survey.pk).update(closed_at=timezone.now())
    plan = ActionPlan.objects.create(survey=survey, unit=cast.unit)
    assert not leader_items(cast)["handleplan"]  # a plan without actions is not a plan
    Action.objects.create(plan=plan, text="Aftal hjørneflag", due=date(2027, 1, 31), owner=cast.leader)
    assert leader_items(cast)["handleplan"]
    newer = Survey.objects.create(
        title="Puls", unit=cast.kommune, opens=date(2026, 11, 21), closes=date(2026, 11, 25), round="2026Q4"
    )
    Survey.objects.filter(pk=newer.pk).update(closed_at=timezone.now() + timedelta(seconds=1))
    assert not leader_items(cast)["handleplan"]  # the latest result has no plan yet

    assert not leader_items(cast)["tr-amr"]


def test_the_leader_ticks_meeting_tr_and_amr_on_the_front_page(client_as, cast):
    client = client_as("leader")
    assert "/plan/onboarding/mine/" in client.get("/").content.decode()  # the front page loads it
    html = client.get("/plan/onboarding/mine/", headers={"HX-Request": "true"}).content.decode()
    assert "Din vej ind som leder af Plejecenter Bøgely" in html and "<html" not in html
    assert "Tove Tillid" in html and "Arne Miljø" in html  # the unit's TR and AMR are named
    row = LeaderOnboarding.objects.get(leader=cast.leader)
    assert client.post(f"/plan/onboarding/{row.pk}/tr-amr/", {"met": "1"}).status_code == 302
    assert leader_items(cast)["tr-amr"]
    assert client_as("hr").post(f"/plan/onboarding/{row.pk}/tr-amr/", {"met": "0"}).status_code == 404
    assert leader_items(cast)["tr-amr"]


def test_the_api_gives_a_leader_the_checklist(client_as, cast):
    response = client_as("leader").get("/api/v1/me/onboarding")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["key"] for i in items] == onboarding.KEYS and not any(i["done"] for i in items)
    assert client_as("employee").get("/api/v1/me/onboarding").status_code == 403
    assert client_as("anonymous").get("/api/v1/me/onboarding").status_code == 401
    # A leader who is not new gets the checklist too, computed from the unit's data.
    LeaderOnboarding.objects.all().delete()
    DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar", level=6)
    items = {i["key"]: i["done"] for i in client_as("leader").get("/api/v1/me/onboarding").json()["items"]}
    assert items["raaderum"] and not items["tr-amr"]


def test_a_leader_a_year_in_sees_no_checklist(client_as, cast):
    LeaderOnboarding.objects.update(started=timezone.localdate() - timedelta(days=400))
    assert "Din vej ind som leder" not in client_as("leader").get("/plan/onboarding/mine/").content.decode()


@pytest.mark.parametrize("who", CAST)
def test_hr_follows_every_new_leader(client_as, cast, who, django_assert_max_num_queries):
    response = client_as(who).get("/plan/onboarding/")
    assert response.status_code == {"hr": 200, "anonymous": 302}.get(who, 403)
    if who == "hr":
        for n in range(5):  # more new leaders do not cost more queries
            leader = make_user(f"ny{n}@test.dk", f"Ny Leder {n}", cast.team, Role.LEADER)
            assert LeaderOnboarding.objects.filter(leader=leader).exists()
        client = client_as("hr")
        with django_assert_max_num_queries(10):
            html = client.get("/plan/onboarding/").content.decode()
        assert "Lise Leder" in html and "Ny Leder 4" in html


@pytest.mark.django_db
def test_the_first_import_brings_existing_leaders_and_a_later_one_a_new_leader(tmp_path):
    from tests.organisation.test_import_org import PEOPLE, UNITS, run

    run(tmp_path, UNITS, PEOPLE)
    assert not LeaderOnboarding.objects.exists()  # the municipality's leaders are not new
    run(tmp_path, UNITS, PEOPLE + "ny@kommune.dk,Nina Ny,T,leder\nansat@kommune.dk,Ane Ansat,T,leder\n")
    new = LeaderOnboarding.objects.select_related("leader", "unit")
    assert sorted((o.leader.email, o.unit.external_id) for o in new) == [
        ("ansat@kommune.dk", "T"),
        ("ny@kommune.dk", "T"),
    ]


@pytest.mark.parametrize("who", CAST)
def test_the_welcome_page(client_as, cast, who):
    DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar ved akut fravær", level=6)
    DecisionArea.objects.create(unit=cast.area, title="Indkøb under 2.000 kr.", level=5)
    DecisionArea.objects.create(unit=cast.unit, title="Ferieplanen", level=4)  # decided together, not by them
    response = client_as(who).get("/plan/velkommen/")
    if who == "anonymous":
        assert response.status_code == 302
        return
    html = response.content.decode()
    assert "Velkommen – her er dit råderum" in html
    if who == "employee":
        assert "Valg af vikar ved akut fravær" in html and "Indkøb under 2.000 kr." in html  # 6 and 5
        assert "Ferieplanen" not in html  # level 4: "Det må I selv beslutte" lists only what they decide
        assert "Tove Tillid" in html and "Arne Miljø" in html and "Spørg om råderummet" in html
    if who == "other":
        assert "Valg af vikar ved akut fravær" not in html  # another unit's råderum


def test_a_new_employee_is_welcomed_on_the_front_page_until_they_hide_it(client_as, cast):
    client = client_as("employee")
    assert "/plan/velkommen/boks/" in client.get("/").content.decode()  # the front page loads the box
    assert "Læs velkomsten" in client.get("/plan/velkommen/boks/").content.decode()
    assert client.post("/plan/velkommen/skjul/").status_code == 302
    assert client.get("/plan/velkommen/boks/").content == b""
    assert "Velkommen – her er dit råderum" in client.get("/plan/velkommen/").content.decode()  # still there
    type(cast.employee).objects.filter(pk=cast.employee.pk).update(
        date_joined=timezone.now() - timedelta(days=200)
    )
    assert "/plan/velkommen/boks/" not in client.get("/").content.decode()


def test_the_top_leader_and_hu_members_see_the_status_page_but_not_an_omu(client, cast):
    from handlekraft.organisation.models import Committee

    status.compute()
    director = make_user("direktor@test.dk", "Dorte Direktør", cast.kommune, Role.LEADER)
    client.force_login(director, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/plan/status/").status_code == 200
    omu = Committee.objects.create(name="OMU Syd", kind=Committee.Kind.OMU, unit=cast.area)
    member = make_user("omu@test.dk", "Olga OMU", cast.unit)
    sit_in(omu, member)
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/plan/status/").status_code == 403


def test_the_nightly_command_computes_the_status_figures(db, capsys):
    from django.core.management import call_command

    from handlekraft.plan.models import StatusSnapshot

    call_command("refresh_plan_status")
    assert StatusSnapshot.objects.count() == 1
    assert "Statustallene er beregnet" in capsys.readouterr().out


def test_what_is_done_just_after_midnight_counts_from_the_day_the_leader_started(cast):
    """Days are Copenhagen's: 00:30 on the first day is 23:30 UTC the day before, and still counts."""
    import zoneinfo
    from datetime import datetime, time

    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    day = timezone.localdate() - timedelta(days=2)
    LeaderOnboarding.objects.filter(leader=cast.leader, unit=cast.unit).update(started=day)
    area = DecisionArea.objects.create(unit=cast.unit, title="Valg af vikar", level=6)
    DecisionArea.objects.filter(pk=area.pk).update(updated=datetime.combine(day, time(0, 30), copenhagen))
    assert leader_items(cast)["raaderum"]
    before = datetime.combine(day - timedelta(days=1), time(23, 30), copenhagen)  # the predecessor's evening
    DecisionArea.objects.filter(pk=area.pk).update(updated=before)
    assert not leader_items(cast)["raaderum"]
