"""Opening a meeting: who may, from which template, its join code, its facilitators, closing it, and two
facilitators editing at once."""

from __future__ import annotations

import pytest

from handlekraft.dialogue.models import (
    CODE_ALPHABET,
    Meeting,
    MeetingTemplate,
)
from handlekraft.organisation.models import SiteSettings
from tests.conftest import CAST


def test_join_codes_are_short_and_unambiguous(cast):
    codes = {Meeting.objects.create(title=f"M{n}").join_code for n in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("0O1IL5S")


def test_the_built_in_templates_are_there_with_an_introduction(db):
    names = set(MeetingTemplate.objects.values_list("name", flat=True))
    assert {
        "Hvad er aktørskab for os?",
        "Temadag om aktørskab",
        "Råderumsworkshop",
        "Opfølgning på arbejdsmiljørapporten",
    } <= names
    theme_day = MeetingTemplate.objects.get(name="Temadag om aktørskab")
    assert [c["key"] for c in theme_day.columns] == ["organisation", "relationer", "ledelse", "praksis"]
    assert MeetingTemplate.objects.get(name="Råderumsworkshop").starts_poker


@pytest.mark.parametrize("who", CAST)
def test_leaders_committee_members_and_hr_open_meetings(client_as, cast, who):
    response = client_as(who).post(
        "/dialog/nyt/",
        {"title": "Dialogmøde", "forum": f"udvalg-{cast.lmu.pk}", "column_0": "Det, der giver mening"},
    )
    # The leader and the TR sit in LMU Bøgely; HR may choose any forum.
    if who in {"leader", "tr", "hr"}:
        meeting = Meeting.objects.get()
        assert response.status_code == 302 and meeting.committee == cast.lmu
        assert list(meeting.facilitators.all()) == [getattr(cast, who)]
    elif who == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 403 and not Meeting.objects.exists()


def test_a_meeting_from_a_template_takes_its_columns_and_questions(client_as, cast):
    template = MeetingTemplate.objects.get(name="Temadag om aktørskab")
    page = client_as("leader").get(f"/dialog/nyt/?skabelon={template.pk}")
    assert template.introduction[:40] in page.content.decode()
    form = page.context["form"]
    data = {name: field.initial or "" for name, field in form.fields.items()}
    data.update(title="Temadag", forum=f"udvalg-{cast.lmu.pk}", starts_at="2026-12-03T09:00")
    client_as("leader").post(f"/dialog/nyt/?skabelon={template.pk}", data)
    meeting = Meeting.objects.get()
    assert meeting.column_keys == ["organisation", "relationer", "ledelse", "praksis"]
    assert meeting.columns[2]["prompts"] == ["Hvor kan ledere give slip – og stadig sikre retning?"]


def test_participants_read_the_templates_text_and_the_municipalitys_own_description(client, client_as, cast):
    settings_row = SiteSettings.current()
    settings_row.agency_description = "Hos os handler vi på kerneopgaven – inden for tydelige rammer."
    settings_row.save()
    about_agency = MeetingTemplate.objects.get(name="Hvad er aktørskab for os?")
    follow_up = MeetingTemplate.objects.get(name="Opfølgning på arbejdsmiljørapporten")
    assert about_agency.shows_description and not follow_up.shows_description
    meetings = {}
    for template in (about_agency, follow_up):
        meetings[template] = Meeting.objects.create(title=template.name, template=template, status="aaben")
        meetings[template].facilitators.add(cast.leader)

    phone = client.get(meetings[about_agency].join_url()).content.decode()
    assert about_agency.participant_text[:60] in phone
    assert "Hos os handler vi på kerneopgaven" in phone  # the template refers to the description
    board = client_as("leader").get(meetings[about_agency].get_absolute_url()).content.decode()
    assert "Det ser deltagerne på deres side:" in board and "Hos os handler vi på kerneopgaven" in board
    phone = client.get(meetings[follow_up].join_url()).content.decode()
    assert follow_up.participant_text[:60] in phone
    assert "Hos os handler vi på kerneopgaven" not in phone  # this template does not refer to it
    settings_row.agency_description = ""
    settings_row.save()
    phone = client.get(meetings[about_agency].join_url()).content.decode()
    assert "Sådan beskriver" not in phone  # no empty box when the municipality has written none


def test_every_built_in_template_has_a_text_for_the_participants(db):
    for template in MeetingTemplate.objects.filter(builtin=True):
        assert len(template.participant_text) > 40, template.name


def test_closing_a_meeting(client_as, meeting):
    client_as("leader").post(f"/dialog/{meeting.pk}/status/", {"action": "close"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED


def test_a_facilitator_adds_another_who_then_sees_the_board(client_as, cast, meeting):
    client_as("leader").post(f"/dialog/{meeting.pk}/facilitatorer/", {"email": cast.employee.email})
    assert client_as("employee").get(f"/dialog/{meeting.pk}/").status_code == 200
    page = client_as("leader").post(
        f"/dialog/{meeting.pk}/facilitatorer/", {"email": "ukendt@test.dk"}, follow=True
    )
    assert "Der er ingen medarbejder med den e-mail." in page.content.decode()


def test_two_facilitators_editing_a_meeting_never_overwrite_each_other(client_as, cast, meeting):
    meeting.facilitators.add(cast.tr)
    url = f"/dialog/{meeting.pk}/rediger/"
    page = client_as("leader").get(url)
    form = page.context["form"]
    opened = {name: form.initial.get(name, field.initial) or "" for name, field in form.fields.items()}
    assert opened["version"] == 1
    # Meanwhile the meeting is closed (status, not settings): a save of the settings keeps that.
    Meeting.objects.filter(pk=meeting.pk).update(status="lukket")
    assert client_as("leader").post(url, {**opened, "title": "Aktørskab hos os"}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status, meeting.version) == ("Aktørskab hos os", "lukket", 2)
    # The TR opened the form before the leader saved: the TR's save shows the conflict and keeps the text.
    second = client_as("tr").post(url, {**opened, "title": "Vores aktørskab"})
    html = second.content.decode()
    assert second.status_code == 200 and "Mødet er blevet ændret, mens du skrev" in html
    assert "Aktørskab hos os" in html and 'value="Vores aktørskab"' in html
    meeting.refresh_from_db()
    assert meeting.title == "Aktørskab hos os"


def test_the_demo_holds_the_seeds_workshop_and_an_open_meeting(demo_org):
    workshop = Meeting.objects.get(title="Workshop og HU-temadag om styrket aktørskab")
    assert workshop.status == "lukket" and workshop.committee.kind == "HU"
    texts = set(workshop.notes.values_list("text", flat=True))
    assert "Tryghed til at prøve nyt – det er ok at fejle" in texts
    assert "Hvor kan ledere give slip – og stadig sikre retning?" in texts
    assert "Sænk tempoet" in texts
    assert {n.column for n in workshop.notes.all()} == {"mening", "svar", "opmaerksom"}
    marks = dict(workshop.notes.exclude(report_mark="").values_list("text", "report_mark"))
    assert marks["Tryghed til at prøve nyt – det er ok at fejle"] == "succeeding"
    assert "barriers" in marks.values()  # the opsamling has suggestions for both its sections
    naming = workshop.polls.get()
    assert [o.text for o in naming.options.all()] == [
        "aktørskab",
        "medledelse",
        "samledelse",
        "virkelyst",
        "handlekraft",
    ]
    open_meeting = Meeting.objects.get(join_code="SOL234")
    assert open_meeting.status == "aaben" and "http://127.0.0.1:8000/m/SOL234/" in demo_org.notes[0]
