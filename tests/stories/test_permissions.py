"""Every page and action of the stories module, tried by the whole cast."""

from __future__ import annotations

import pytest

from handlekraft.stories.models import Recognition, Story, StoryPerson
from tests.conftest import CAST

from .conftest import make_story


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize(
    "path", ["/historier/", "/historier/mine/", "/historier/ny/", "/historier/fag/", "/historier/abonner/"]
)
def test_the_pages_need_a_login_and_are_open_to_everyone_signed_in(client_as, cast, who, path):
    response = client_as(who).get(path)
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    else:
        assert response.status_code == 200


def test_someone_without_a_unit_cannot_write_stories(client, cast):
    from tests.conftest import make_user

    nobody = make_user("ingen@test.dk", "Ingen Enhed")
    client.force_login(nobody, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/historier/ny/").status_code == 403
    assert client.get("/historier/").status_code == 200
    assert "Fortæl en historie" not in client.get("/historier/").content.decode()


@pytest.mark.parametrize("who", CAST)
def test_only_the_colleagues_named_answer_consent(client_as, cast, who):
    story = make_story(cast, status=Story.Status.AWAITING)
    StoryPerson.objects.create(story=story, user=cast.tr)
    response = client_as(who).post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"})
    given = StoryPerson.objects.get().consent == StoryPerson.Consent.GIVEN
    assert given is (who == "tr"), who
    assert response.status_code == (302 if who in {"tr", "anonymous"} else 403)


@pytest.mark.parametrize("who", CAST)
def test_only_the_author_removes_a_colleague(client_as, cast, who):
    story = make_story(cast, status=Story.Status.AWAITING)
    person = StoryPerson.objects.create(story=story, user=cast.tr)
    response = client_as(who).post(f"/historier/{story.pk}/kolleger/{person.pk}/fjern/")
    removed = not StoryPerson.objects.exists()
    assert removed is (who == "employee"), who
    assert response.status_code == (302 if who in {"employee", "anonymous"} else 403)


@pytest.mark.parametrize("who", CAST)
def test_everyone_but_the_author_recognises_a_story_they_can_read(client_as, cast, who):
    story = make_story(cast)
    client_as(who).post(f"/historier/{story.pk}/anerkend/", {"note": ""})
    recognised = Recognition.objects.filter(story=story).exists()
    assert recognised is (who not in {"employee", "anonymous"}), who


@pytest.mark.parametrize("who", CAST)
def test_nobody_recognises_a_story_that_is_not_published(client_as, cast, who):
    story = make_story(cast, status=Story.Status.AWAITING)
    StoryPerson.objects.create(story=story, user=cast.tr)
    client_as(who).post(f"/historier/{story.pk}/anerkend/", {"note": ""})
    assert not Recognition.objects.exists()


@pytest.mark.parametrize("who", CAST)
def test_a_story_waiting_for_consent_is_seen_by_the_author_and_the_colleagues_named_only(
    client_as, cast, who
):
    story = make_story(cast, status=Story.Status.AWAITING)
    StoryPerson.objects.create(story=story, user=cast.tr)
    response = client_as(who).get(story.get_absolute_url())
    expected = {"employee": 200, "tr": 200, "anonymous": 302}.get(who, 404)
    assert response.status_code == expected, who
