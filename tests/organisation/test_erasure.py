"""Erasing a person who has left (GDPR article 17), and keeping data no longer than the settings say."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from handlekraft.dialogue.models import Meeting, Note
from handlekraft.jobs.models import Job
from handlekraft.mandates.models import MandateQuestion
from handlekraft.notifications.models import Notification
from handlekraft.organisation.erasure import FORMER_NAME, apply_retention, erase_due, erase_person
from handlekraft.organisation.models import ErasureRecord, Membership, SiteSettings, Unit, User
from handlekraft.pulse.models import Response, Survey
from handlekraft.stories.models import Recognition, Story

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Mads Andersen", "medarbejder@eksempel.dk"


def tables_holding(*traces: str) -> list[str]:
    """Every table and column of the database (text, JSON, anything cast to text) holding a trace."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                quoted_table, quoted_column = (
                    connection.ops.quote_name(table),
                    connection.ops.quote_name(column.name),
                )
                as_text = f"LOWER(CAST({quoted_column} AS TEXT))"
                for trace in traces:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted_table} WHERE {as_text} LIKE %s",  # noqa: S608
                        [f"%{trace.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}: {trace}")
    return found


@pytest.fixture
def mads(demo_org) -> User:
    mads = User.objects.get(email=EMAIL)
    leader = User.objects.get(email="leder@eksempel.dk")
    # Where others wrote his name or e-mail: a colleague's story, a notification, a job's report, the
    # admin's log.
    Story.objects.create(
        author=leader,
        unit=mads.primary_unit,
        title="Godt samarbejde",
        body=f"Det var {NAME} der fandt løsningen.",
        status=Story.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    Notification.objects.create(recipient=leader, kind="test", title=f"{NAME} har spurgt om råderummet")
    Job.objects.create(title="Import", result=f"Fejl i rækken for {EMAIL}")
    LogEntry.objects.log_actions(
        user_id=User.objects.get(email="hr@eksempel.dk").pk,
        queryset=[mads],
        action_flag=CHANGE,
        change_message="[]",
    )
    assert tables_holding(NAME, EMAIL)  # the search finds what is there
    return mads


def test_erasure_leaves_no_name_or_email_of_the_person_in_any_table(mads):
    written = list(Story.objects.filter(author=mads).values_list("pk", flat=True))
    assert written and MandateQuestion.objects.filter(asker=mads).exists()
    erase_person(mads)
    assert tables_holding(NAME, EMAIL) == []
    mads.refresh_from_db()
    assert mads.name == FORMER_NAME and mads.email is None and not mads.is_active and mads.erased
    assert not mads.has_usable_password() and mads.external_id == "" and mads.sso_subject == ""
    assert not Story.objects.filter(pk__in=written).exists()  # he did not choose to keep them
    assert not MandateQuestion.objects.filter(asker=mads).exists()  # the questions stay, without the asker
    assert not Membership.objects.filter(user=mads).exists()
    assert "en tidligere medarbejder" in Story.objects.get(title="Godt samarbejde").body
    [record] = ErasureRecord.objects.all()
    assert record.person_id == mads.pk and record.reason == "periode" and record.erased_by is None


def test_stories_a_person_chose_to_keep_stay_as_a_former_employees(mads):
    User.objects.filter(pk=mads.pk).update(keep_stories=True)
    mads.refresh_from_db()
    published = list(
        Story.objects.filter(author=mads, status=Story.Status.PUBLISHED).values_list("pk", flat=True)
    )
    recognitions = Recognition.objects.filter(user=mads).count()
    erase_person(mads)
    kept = Story.objects.filter(pk__in=published)
    assert published and kept.count() == len(published)
    assert {s.author.name for s in kept} == {FORMER_NAME}
    assert (
        Recognition.objects.filter(user=mads).count() == recognitions
    )  # recognitions stay, without his name


def test_people_who_left_are_erased_after_the_retention_period_and_not_before(mads):
    User.objects.filter(pk=mads.pk).update(is_active=False, left_on=timezone.localdate() - timedelta(days=89))
    assert erase_due() == 0
    assert erase_due(timezone.localdate() + timedelta(days=1)) == 1
    assert User.objects.get(pk=mads.pk).erased is not None
    assert erase_due(timezone.localdate() + timedelta(days=2)) == 0  # once


def test_hr_erases_one_person_at_once_after_a_confirmation_and_it_is_logged(mads):
    hr = User.objects.get(email="hr@eksempel.dk")
    client = Client()
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    url = f"/admin/organisation/user/{mads.pk}/slet-personoplysninger/"
    change = client.get(f"/admin/organisation/user/{mads.pk}/change/").content.decode()
    assert url in change
    confirm = client.get(url).content.decode()
    assert (
        "Ja, slet personoplysningerne nu" in confirm
        and "Historierne, personen har skrevet, slettes." in confirm
    )
    assert User.objects.get(pk=mads.pk).erased is None  # asking is not doing
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert User.objects.get(pk=mads.pk).erased is not None
    assert ErasureRecord.objects.get().erased_by == hr and ErasureRecord.objects.get().reason == "hr"
    log = client.get("/admin/organisation/erasurerecord/").content.decode()
    assert "Slettet af HR" in log

    employee = Client()
    employee.force_login(
        User.objects.get(email="tr@eksempel.dk"), backend="django.contrib.auth.backends.ModelBackend"
    )
    assert employee.get(f"/admin/organisation/user/{hr.pk}/slet-personoplysninger/").status_code in (302, 403)
    assert (
        client.post(
            f"/admin/organisation/user/{hr.pk}/slet-personoplysninger/", {"confirm": "yes"}
        ).status_code
        == 403
    )


def test_retention_deletes_old_notes_and_comments_and_notifications_by_the_settings(demo_org):
    site = SiteSettings.current()
    today = timezone.localdate()
    old_meeting = Meeting.objects.create(
        title="Gammelt møde", starts_at=timezone.now() - timedelta(days=site.keep_meeting_notes_days + 1)
    )
    Note.objects.create(meeting=old_meeting, column="a", text="Gammel note", client_id="g1")
    new_meeting = Meeting.objects.create(title="Nyt møde", starts_at=timezone.now() - timedelta(days=10))
    Note.objects.create(meeting=new_meeting, column="a", text="Ny note", client_id="n1")
    survey = Survey.objects.create(
        title="Gammel puls",
        unit=Unit.objects.get(parent__isnull=True),
        opens=today - timedelta(days=site.keep_pulse_comments_days + 30),
        closes=today - timedelta(days=site.keep_pulse_comments_days + 1),
        round="2024Q1",
    )
    Response.objects.create(survey=survey, unit=survey.unit, round="2024Q1", answers={}, comment="Mere tid")
    old = Notification.objects.create(recipient=User.objects.get(email=EMAIL), kind="test", title="Gammel")
    Notification.objects.filter(pk=old.pk).update(
        created=timezone.now() - timedelta(days=site.keep_notifications_days + 1)
    )
    done = apply_retention(today)
    assert done["meeting_notes"] == 1 and done["pulse_comments"] >= 1 and done["notifications"] >= 1
    assert (
        not Note.objects.filter(text="Gammel note").exists() and Note.objects.filter(text="Ny note").exists()
    )
    assert Response.objects.filter(survey=survey).get().comment == ""
    assert not Notification.objects.filter(pk=old.pk).exists()


def test_the_nightly_command_reports_what_it_did(demo_org, capsys):
    call_command("apply_org_changes")
    out = capsys.readouterr().out
    assert (
        "Konti lukket: 0." in out
        and "Personer slettet efter slettefristen: 0." in out
        and "Opbevaring:" in out
    )


def test_the_privacy_notice_states_the_retention_periods(client, demo_org):
    page = client.get("/privatliv/").content.decode()
    site = SiteSettings.current()
    assert f"{site.erase_leavers_after_days} dage" in page and f"{site.keep_meeting_notes_days} dage" in page
    assert "Mine data" in page
