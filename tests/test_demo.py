"""`manage.py demo` builds Eksempel Kommune, can run again, and the demo accounts work."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from handlekraft.organisation.models import Committee, Membership, Unit, User


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_is_idempotent_and_prints_the_logins():
    out = StringIO()
    call_command("demo", stdout=out)
    counts = (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Committee.objects.count(),
    )
    call_command("demo", stdout=StringIO())
    assert counts == (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Committee.objects.count(),
    )
    text = out.getvalue()
    for email in [
        "leder@eksempel.dk",
        "medarbejder@eksempel.dk",
        "tr@eksempel.dk",
        "amr@eksempel.dk",
        "hr@eksempel.dk",
    ]:
        assert email in text
    assert "handlekraft-demo" in text
    areas = set(Unit.objects.filter(kind="omraade").values_list("name", flat=True))
    assert areas == {
        "Sundhed og omsorg",
        "Socialområdet",
        "Børne- og familieområdet",
        "Skole- og dagtilbudsområdet",
        "Administrationen",
    }
    assert Committee.objects.filter(kind="HU").count() == 1
    assert Committee.objects.filter(kind="OMU").count() == 5
    assert Committee.objects.filter(kind="LMU").count() >= 3


@pytest.mark.django_db
def test_the_demo_tells_stories_of_every_kind_across_areas_and_professions(demo_org):
    from django.db.models import Count

    from handlekraft.lib.cpr import find_cpr
    from handlekraft.stories.models import Recognition, Story

    published = Story.objects.published()
    assert published.count() >= 25
    assert set(published.values_list("kind", flat=True)) == {"story", "citizen", "learning"}
    assert published.values("area").distinct().count() == 5  # every area has stories
    assert published.filter(professions__isnull=False).values("professions").distinct().count() >= 8
    assert Recognition.objects.values("story").distinct().count() >= 20
    assert not published.annotate(n=Count("recognitions")).filter(n__gt=5).exists()  # no leaderboard bait
    assert all(s.learning for s in published.filter(kind="learning"))
    assert all(s.citizen_consent for s in published.filter(kind="citizen"))
    assert all(s.author_id for s in Story.objects.all())
    for story in Story.objects.all():
        assert find_cpr(f"{story.title} {story.body} {story.meaning} {story.learning}") == []
    # One waits for consent, one is a draft and one is hidden with a logged reason.
    assert Story.objects.filter(status="afventer").exists() and Story.objects.filter(status="kladde").exists()
    assert Story.objects.get(status="skjult").audit.count() == 1


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_every_demo_account_logs_in():
    call_command("demo", stdout=StringIO())
    for email in [
        "leder@eksempel.dk",
        "medarbejder@eksempel.dk",
        "tr@eksempel.dk",
        "amr@eksempel.dk",
        "hr@eksempel.dk",
    ]:
        response = Client().post("/login/", {"username": email, "password": "handlekraft-demo"})
        assert response.status_code == 302, email


def test_the_demo_holds_the_seeds_plan_as_written(demo_org):
    from handlekraft.plan import onboarding
    from handlekraft.plan.models import Activity, FollowUp, LeaderOnboarding, StatusSnapshot

    by_quarter = {}
    for activity in Activity.objects.order_by("quarter", "day", "title"):
        by_quarter.setdefault(activity.quarter_label, []).append(activity.title)
    assert by_quarter["4. kvartal 2025"] == [
        "Tema på DIR-seminar i november",
        "Tema på KCL i december",
        "Dialogmøde i OMU Administrationen",
    ]
    assert by_quarter["1. kvartal 2026"] == [
        "Dialogmøde i OMU Sundhed og omsorg",
        "Dialogmøde i OMU Socialområdet",
    ]
    assert set(by_quarter["2. kvartal 2026"]) == {
        "Informations- og dialogmaterialer",
        "Dialogmøde i OMU Børne- og familieområdet",
        "Dialogmøde i OMU Skole- og dagtilbudsområdet",
    }
    assert set(by_quarter["3.–4. kvartal 2026"]) == {
        "Opfølgning ifm. arbejdsmiljørapporterne i HU",
        "Indgå i arbejdet med attraktive arbejdspladser",
        "Fortsat kobling til arbejdet med vision og forenkling",
    }
    # As of late 2026: what lay before is done, the follow-up in HU is under way.
    assert set(Activity.objects.filter(quarter__lt="2026Q3").values_list("status", flat=True)) == {
        "gennemfoert"
    }
    assert set(Activity.objects.filter(quarter="2026Q3").values_list("status", flat=True)) == {"igang"}
    assert sum(item.is_overdue for item in FollowUp.objects.all()) == 2
    # Two new leaders, part-way through onboarding; the HU page has its figures.
    rows = list(LeaderOnboarding.objects.select_related("unit", "leader"))
    progress = {p.onboarding.leader.email: p.done_count for p in onboarding.progress(rows)}
    assert set(progress) == {"leder@eksempel.dk", "pia.mortensen@eksempel.dk"}
    assert all(0 < done < len(onboarding.KEYS) for done in progress.values())
    assert StatusSnapshot.objects.exists()
