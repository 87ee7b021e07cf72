"""The plan: timeline, activities, follow-up items with reminders, calendar feeds and the API."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from handlekraft.notifications.models import Notification
from handlekraft.plan.models import Activity, CalendarToken, FollowUp
from tests.conftest import CAST, delivered
from tests.plan.conftest import follow_up

SIGNED_IN = [who for who in CAST if who != "anonymous"]


@pytest.mark.parametrize("who", SIGNED_IN)
def test_everyone_signed_in_reads_the_plan_by_quarter(client_as, plan, who, django_assert_max_num_queries):
    client = client_as(who)
    with django_assert_max_num_queries(10):
        response = client.get("/plan/")
    assert response.status_code == 200
    html = response.content.decode()
    # The quarters in order, like the seed's slide; the span 3.–4. kvartal shows in both.
    assert html.index("4. kvartal 2025") < html.index("1. kvartal 2026") < html.index("3. kvartal 2026")
    assert html.count("Opfølgning ifm. arbejdsmiljørapporterne i HU") == 2
    assert "Dialogmøde i LMU Bøgely" in html


def test_anonymous_is_sent_to_log_in(client_as, plan):
    for path in (
        "/plan/",
        f"/plan/fora/{plan.lmu.pk}/",
        f"/plan/aktiviteter/{plan.meeting.pk}/",
        "/plan/opfoelgning/",
    ):
        response = client_as("anonymous").get(path)
        assert response.status_code == 302 and "/login/" in response["Location"], path


def test_the_forum_filter_and_the_forum_page(client_as, plan):
    html = client_as("employee").get(f"/plan/?forum={plan.dir.pk}").content.decode()
    assert "Tema på DIR-seminar i november" in html and "Dialogmøde i LMU Bøgely" not in html
    page = client_as("employee").get(f"/plan/fora/{plan.lmu.pk}/").content.decode()
    assert "Dialogmøde i LMU Bøgely" in page and "Tema på DIR" not in page


@pytest.mark.parametrize("who", CAST)
def test_only_hr_creates_activities(client_as, plan, who):
    response = client_as(who).get("/plan/aktiviteter/ny/")
    expected = {"hr": 200, "anonymous": 302}.get(who, 403)
    assert response.status_code == expected


def test_hr_creates_an_activity_and_bad_input_gets_danish_messages(client_as, plan, cast):
    client = client_as("hr")
    data = {
        "title": "Dialogmøde i OMU",
        "forum": plan.hu.pk,
        "kind": "dialogmoede",
        "quarter": "2026Q5",
        "day": "2026-08-01",
        "status": "planlagt",
        "responsible_email": "ingen@test.dk",
    }
    html = client.post("/plan/aktiviteter/ny/", data).content.decode()
    assert "Skriv kvartalet som år og kvartal, fx 2026Q1." in html
    assert "Der er ingen medarbejder med den e-mail." in html
    data |= {"quarter": "2026Q1", "responsible_email": cast.leader.email}
    html = client.post("/plan/aktiviteter/ny/", data).content.decode()
    assert "Datoen ligger ikke i det valgte kvartal." in html
    assert 'value="Dialogmøde i OMU"' in html  # nothing typed is lost
    data["day"] = "2026-02-10"
    response = client.post("/plan/aktiviteter/ny/", data)
    activity = Activity.objects.get(title="Dialogmøde i OMU")
    assert response["Location"] == activity.get_absolute_url()
    assert activity.responsible == cast.leader and activity.quarter == "2026Q1"


def test_a_concurrent_edit_is_shown_as_a_conflict(client_as, plan):
    client = client_as("hr")
    form = client.get(f"/plan/aktiviteter/{plan.follow.pk}/rediger/").context["form"]
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and k not in ("meetings", "summaries", "surveys", "action_plans")
    }
    data |= {"forum": plan.hu.pk, "title": "Min titel", "day": ""}
    Activity.objects.filter(pk=plan.follow.pk).update(title="Deres titel", version=2)
    response = client.post(f"/plan/aktiviteter/{plan.follow.pk}/rediger/", data)
    assert response.status_code == 200
    assert "Nogen har gemt en ændring, mens du redigerede" in response.content.decode()
    assert Activity.objects.get(pk=plan.follow.pk).title == "Deres titel"
    assert 'value="Min titel"' in response.content.decode()
    data["version"] = 2
    assert client.post(f"/plan/aktiviteter/{plan.follow.pk}/rediger/", data).status_code == 302
    assert Activity.objects.get(pk=plan.follow.pk).title == "Min titel"


@pytest.mark.parametrize("who", CAST)
def test_the_responsible_and_hr_update_an_activity_status(client_as, plan, who):
    response = client_as(who).post(f"/plan/aktiviteter/{plan.meeting.pk}/", {"status": "udskudt"})
    allowed = who in ("leader", "hr")  # the leader is responsible for the LMU meeting
    assert response.status_code == (302 if allowed or who == "anonymous" else 403)
    plan.meeting.refresh_from_db()
    assert (plan.meeting.status == "udskudt") == allowed


@pytest.mark.parametrize("who", CAST)
def test_who_sees_a_follow_up_item(client_as, plan, cast, who):
    item = follow_up(plan, cast)  # LMU: the leader (owner) and the TR sit in it
    response = client_as(who).get(item.get_absolute_url())
    expected = {"leader": 200, "tr": 200, "hr": 200, "anonymous": 302}.get(who, 403)
    assert response.status_code == expected


def test_a_follow_up_from_creation_to_done_with_a_notice_to_the_owner(client_as, plan, cast):
    client = client_as("tr")  # the TR sits in the LMU
    today = timezone.localdate()
    data = {
        "title": "Aftale hjørneflag for vikarbestilling",
        "forum": plan.lmu.pk,
        "owner_email": cast.leader.email,
        "due": (today - timedelta(days=1)).isoformat(),
        "source": "beslutning",
    }
    html = client.post("/plan/opfoelgning/ny/", data).content.decode()
    assert "Fristen ligger i fortiden" in html
    html = client.post(
        "/plan/opfoelgning/ny/", data | {"due": today.isoformat(), "source": "moede"}
    ).content.decode()
    assert "Vælg det dialogmøde, punktet kommer fra." in html
    html = client.post(
        "/plan/opfoelgning/ny/", data | {"due": today.isoformat(), "title": "Ring 010190-1009"}
    )
    assert "CPR-nummer" in html.content.decode()
    response = client.post("/plan/opfoelgning/ny/", data | {"due": (today + timedelta(days=7)).isoformat()})
    item = FollowUp.objects.get()
    assert response["Location"] == item.get_absolute_url()
    assert Notification.objects.filter(recipient=cast.leader, kind="follow_up_assigned").exists()
    # The owner sees it under "Mine punkter", and marks it done; it then leaves the open lists.
    owner = client_as("leader")
    assert "Aftale hjørneflag" in owner.get("/plan/opfoelgning/").context["mine"][0].title
    assert client_as("employee").post(item.get_absolute_url(), {"status": "faerdig"}).status_code == 403
    assert owner.post(item.get_absolute_url(), {"status": "faerdig"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "faerdig" and item.done_at is not None
    page = owner.get("/plan/opfoelgning/").context
    assert page["mine"] == [] and page["done"] == [item]


def test_a_person_outside_the_forum_cannot_create_there(client_as, plan, cast):
    assert client_as("employee").get("/plan/opfoelgning/ny/").status_code == 403
    data = {
        "title": "X",
        "forum": plan.hu.pk,
        "owner_email": cast.tr.email,
        "due": "2099-01-01",
        "source": "beslutning",
    }
    html = client_as("tr").post("/plan/opfoelgning/ny/", data).content.decode()
    assert "Vælg et af de fora, du følger." in html  # HU is not the TR's forum
    assert not FollowUp.objects.exists()


def test_overdue_items_are_listed_and_their_owners_reminded_once_a_week(client_as, plan, cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = timezone.localdate()
    late = follow_up(plan, cast, due=today - timedelta(days=3))
    follow_up(plan, cast, title="Til tiden", due=today + timedelta(days=3))
    follow_up(plan, cast, title="Allerede færdig", due=today - timedelta(days=9), status=FollowUp.Status.DONE)
    page = client_as("tr").get("/plan/opfoelgning/").context
    assert [i.title for i in page["overdue"]] == [late.title]
    call_command("send_follow_up_reminders", stdout=StringIO())
    assert [m.to for m in delivered()] == [[cast.leader.email]]
    assert late.title in delivered()[0].body
    call_command("send_follow_up_reminders", stdout=StringIO())
    assert len(delivered()) == 1  # not again the same week
    FollowUp.objects.filter(pk=late.pk).update(reminded_on=today - timedelta(days=7))
    call_command("send_follow_up_reminders", stdout=StringIO())
    assert len(delivered()) == 2


def test_calendar_feeds_per_forum_and_per_person(client_as, plan, cast, client):
    item = follow_up(plan, cast)
    leader = client_as("leader")
    response = leader.post("/plan/kalender/", {"action": "issue"})
    [(_name, personal), *_forums] = response.context["addresses"]
    token = personal.split("noegle=")[1]
    mine = Calendar.from_ical(client.get(f"/plan/kalender/mine.ics?noegle={token}").content)
    summaries = [str(e["summary"]) for e in mine.walk("VEVENT")]
    assert summaries == ["Dialogmøde i LMU Bøgely (LMU)", f"Frist: {item.title}"]
    # Each event's UID names the site's own host (SITE_URL), so it is unique across calendars.
    assert all(str(e["uid"]).endswith("@127.0.0.1") for e in mine.walk("VEVENT"))
    lmu = Calendar.from_ical(client.get(f"/plan/kalender/fora/{plan.lmu.pk}.ics?noegle={token}").content)
    assert len(lmu.walk("VEVENT")) == 2
    # The span 3.–4. kvartal is one event over both quarters.
    hu = Calendar.from_ical(client.get(f"/plan/kalender/fora/{plan.hu.pk}.ics?noegle={token}").content)
    [event] = hu.walk("VEVENT")
    assert (event.decoded("dtstart").isoformat(), event.decoded("dtend").isoformat()) == (
        "2026-07-01",
        "2027-01-01",
    )
    # A forum the person does not follow shows its activities, not its follow-up items.
    other = client_as("employee").post("/plan/kalender/", {"action": "issue"}).context["addresses"][0][1]
    other_token = other.split("noegle=")[1]
    lmu = Calendar.from_ical(
        client.get(f"/plan/kalender/fora/{plan.lmu.pk}.ics?noegle={other_token}").content
    )
    assert [str(e["summary"]) for e in lmu.walk("VEVENT")] == ["Dialogmøde i LMU Bøgely (LMU)"]
    # A wrong or revoked key finds nothing.
    assert client.get("/plan/kalender/mine.ics?noegle=forkert").status_code == 404
    leader.post("/plan/kalender/", {"action": "revoke"})
    assert client.get(f"/plan/kalender/mine.ics?noegle={token}").status_code == 404
    assert CalendarToken.objects.filter(user=cast.leader, revoked__isnull=True).count() == 0


def test_api_lists_the_activities(client_as, plan):
    response = client_as("employee").get("/api/v1/plan/activities")
    assert response.status_code == 200
    rows = response.json()["activities"]
    assert rows[0] == {
        "id": plan.theme.pk,
        "title": "Tema på DIR-seminar i november",
        "forum": "DIR",
        "quarter": "2025Q4",
        "status": "gennemfoert",
    }
    assert client_as("anonymous").get("/api/v1/plan/activities").status_code == 401


def test_hr_links_the_meetings_and_surveys_that_carry_an_activity_out(client_as, plan, cast):
    from datetime import date

    from handlekraft.dialogue.models import Meeting
    from handlekraft.pulse.models import Survey

    meeting = Meeting.objects.create(title="Dialogmøde i LMU", committee=cast.lmu)
    survey = Survey.objects.create(
        title="Puls", unit=cast.kommune, opens=date(2026, 11, 1), closes=date(2026, 11, 20), round="2026Q4"
    )
    client = client_as("hr")
    form = client.get(f"/plan/aktiviteter/{plan.follow.pk}/rediger/").context["form"]
    assert (meeting.pk, "Dialogmøde i LMU") in form.fields["meetings"].widget.choices
    assert (survey.pk, "Puls (2026Q4)") in form.fields["surveys"].widget.choices
    data = {
        "title": plan.follow.title,
        "forum": plan.hu.pk,
        "kind": "opfoelgning",
        "quarter": "2026Q3",
        "until_quarter": "2026Q4",
        "status": "igang",
        "version": plan.follow.version,
        "meetings": [meeting.pk],
        "surveys": [survey.pk],
    }
    assert client.post(f"/plan/aktiviteter/{plan.follow.pk}/rediger/", data).status_code == 302
    html = client_as("employee").get(plan.follow.get_absolute_url()).content.decode()
    assert "Dialogmøde i LMU" in html and "Puls (2026Q4)" in html
    # Saving again keeps the links (the form shows them as chosen).
    form = client.get(f"/plan/aktiviteter/{plan.follow.pk}/rediger/").context["form"]
    assert form.initial["meetings"] == [meeting.pk] and form.initial["surveys"] == [survey.pk]
    bad = client.post(
        f"/plan/aktiviteter/{plan.follow.pk}/rediger/", data | {"version": 2, "meetings": [99999]}
    )
    assert (
        "Marker en gyldig valgmulighed. 99999 er ikke en af de tilgængelige valgmuligheder."
        in bad.content.decode()
    )
