"""Recognition without points, hiding with a reason, and who may see what (the whole cast)."""

from __future__ import annotations

import pytest

from handlekraft.notifications.models import Notification
from handlekraft.stories.models import AuditEntry, Recognition, Story, StoryPerson
from tests.conftest import CAST

from .conftest import make_story


def test_recognition_is_one_per_person_can_carry_a_note_and_can_be_undone(client_as, cast):
    story = make_story(cast)
    client = client_as("other")
    client.post(f"/historier/{story.pk}/anerkend/", {"note": "Flot gået!"})
    client.post(f"/historier/{story.pk}/anerkend/", {"note": "Flot gået!"})
    assert Recognition.objects.filter(story=story, user=cast.other).count() == 1
    told = Notification.objects.filter(kind="story_recognised", recipient=cast.employee)
    assert told.count() == 1 and told.get().body == "Flot gået!"
    # The note can be changed, and the recognition undone.
    client.post(f"/historier/{story.pk}/anerkend/", {"note": "Rigtig flot gået!"})
    assert Recognition.objects.get(story=story).note == "Rigtig flot gået!"
    client.post(f"/historier/{story.pk}/anerkend/", {"action": "undo"})
    assert not Recognition.objects.filter(story=story).exists()


def test_the_author_cannot_recognise_their_own_story(client_as, cast):
    story = make_story(cast)
    assert client_as("employee").post(f"/historier/{story.pk}/anerkend/", {"note": ""}).status_code == 403
    assert "anerkend/" not in client_as("employee").get(story.get_absolute_url()).content.decode()


def test_the_author_and_the_people_in_the_story_see_who_recognised_it_and_nobody_else(client_as, cast):
    story = make_story(cast)
    StoryPerson.objects.create(story=story, user=cast.amr, consent=StoryPerson.Consent.GIVEN)
    Recognition.objects.create(story=story, user=cast.other, note="Tak for det!")
    for who, sees in [("employee", True), ("amr", True), ("leader", False), ("hr", False), ("tr", False)]:
        page = client_as(who).get(story.get_absolute_url()).content.decode()
        assert ("Anna Anden" in page and "Tak for det!" in page) is sees, who


def test_there_are_no_points_totals_or_rankings_anywhere(client_as, cast):
    for n in range(3):
        story = make_story(cast, title=f"Historie {n}")
        Recognition.objects.create(story=story, user=cast.other)
    for url in [
        "/historier/",
        "/historier/fag/",
        "/historier/mine/",
        "/",
        f"/organisation/enheder/{cast.unit.external_id}/",
    ]:
        page = client_as("leader").get(url).content.decode().lower()
        for word in ["point", "rangliste", "top 10", "flest anerkendelser", "leaderboard"]:
            assert word not in page, (url, word)


def test_a_leader_above_the_unit_hides_a_story_with_a_reason_and_the_author_is_told(client_as, cast):
    story = make_story(cast)
    refused = client_as("leader").post(f"/historier/{story.pk}/skjul/", {"action": "hide", "reason": ""})
    assert refused.status_code == 200 and 'id="id_reason-error"' in refused.content.decode()
    client_as("leader").post(
        f"/historier/{story.pk}/skjul/", {"action": "hide", "reason": "Borgeren kan genkendes."}
    )
    story.refresh_from_db()
    assert story.status == Story.Status.HIDDEN
    entry = AuditEntry.objects.get(story=story)
    assert entry.action == AuditEntry.Action.HIDDEN and entry.actor == cast.leader
    assert entry.reason == "Borgeren kan genkendes."
    told = Notification.objects.get(kind="story_status", recipient=cast.employee)
    assert "Borgeren kan genkendes." in told.body
    # Hidden: gone from the feed and for colleagues; the author still sees it, with the reason.
    assert story.title not in client_as("other").get("/historier/").content.decode()
    assert client_as("other").get(story.get_absolute_url()).status_code == 404
    assert "Borgeren kan genkendes." in client_as("employee").get(story.get_absolute_url()).content.decode()
    # HR shows it again, also with a reason, and the log keeps both.
    client_as("hr").post(
        f"/historier/{story.pk}/skjul/", {"action": "restore", "reason": "Teksten er rettet."}
    )
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert AuditEntry.objects.filter(story=story).count() == 2


@pytest.mark.parametrize("who", CAST)
def test_only_leaders_of_the_unit_or_above_and_hr_can_hide(client_as, cast, who):
    story = make_story(cast)
    response = client_as(who).post(f"/historier/{story.pk}/skjul/", {"action": "hide", "reason": "Nej."})
    story.refresh_from_db()
    hidden = story.status == Story.Status.HIDDEN
    assert hidden is (who in {"leader", "hr"}), who
    if who == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif not hidden:
        assert response.status_code == 403


@pytest.mark.parametrize("who", CAST)
def test_reading_follows_visibility(client_as, cast, who):
    everyone = make_story(cast, title="For alle")
    area_only = make_story(
        cast, title="Kun området", unit=cast.other_unit, author=cast.other, visibility="omraade"
    )
    expected_everyone = who != "anonymous"
    # The cast's units all lie in Område Syd except HR's, which sees everything anyway.
    expected_area = who in {"leader", "employee", "other", "tr", "amr", "hr"}
    for story, expected in [(everyone, expected_everyone), (area_only, expected_area)]:
        response = client_as(who).get(story.get_absolute_url())
        assert (response.status_code == 200) is expected, (who, story.title)


def test_a_story_kept_to_its_area_is_not_shown_outside_it(client, cast):
    from tests.conftest import make_user

    outside_unit = cast.hr_unit.__class__.objects.create(
        external_id="X", name="Teknik", kind="omraade", parent=cast.kommune
    )
    outsider = make_user("x@test.dk", "Xenia Ude", outside_unit)
    story = make_story(cast, title="Kun området", visibility="omraade")
    client.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "Kun området" not in client.get("/historier/").content.decode()
    assert "Kun området" not in client.get("/api/v1/stories").content.decode()


@pytest.mark.parametrize("who", CAST)
def test_only_the_author_edits(client_as, cast, who):
    story = make_story(cast)
    response = client_as(who).get(f"/historier/{story.pk}/rediger/")
    expected = 200 if who == "employee" else (302 if who == "anonymous" else 403)
    assert response.status_code == expected, who
