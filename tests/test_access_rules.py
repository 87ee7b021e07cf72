"""One access rule per kind of object, the same for the lists, the pages and the API (issue 16)."""

from __future__ import annotations

import pytest

from handlekraft.stories.models import Story
from tests.conftest import CAST
from tests.pulse.helpers import open_survey
from tests.stories.conftest import make_story


@pytest.mark.parametrize("who", CAST)
def test_a_survey_is_there_for_the_same_people_in_the_list_and_the_api(client_as, cast, who):
    survey = open_survey(cast.unit)  # asks D (Bøgely) and the team below it
    client = client_as(who)
    api = client.get(f"/api/v1/pulse/surveys/{survey.pk}")
    listed = client.get("/maaling/")
    if who == "anonymous":
        assert api.status_code == 401 and listed.status_code == 302
        return
    in_list = survey.title in listed.content.decode()
    assert in_list is (who in {"leader", "employee", "tr", "amr", "hr"})  # not the employee elsewhere
    assert (api.status_code == 200) is in_list, api.status_code


@pytest.mark.parametrize("who", CAST)
def test_an_area_only_story_is_readable_by_exactly_those_whose_lists_show_it(client_as, cast, who):
    from handlekraft.organisation.models import Membership, Role, Unit
    from tests.conftest import make_user

    Membership.objects.create(user=cast.leader, unit=cast.kommune, role=Role.LEADER)  # also the top leader
    north = Unit.objects.create(external_id="N", name="Område Nord", kind=Unit.Kind.AREA, parent=cast.kommune)
    school = Unit.objects.create(external_id="NS", name="Nordskolen", kind=Unit.Kind.DEPARTMENT, parent=north)
    teacher = make_user("laerer@test.dk", "Lærke Lærer", school)
    story = make_story(cast, author=teacher, unit=school, visibility=Story.Visibility.AREA)
    client = client_as(who)
    page = client.get(story.get_absolute_url())
    if who == "anonymous":
        assert page.status_code == 302
        return
    listed = story.title in client.get("/historier/").content.decode()
    api = client.get(f"/api/v1/stories/{story.pk}").status_code == 200
    assert (page.status_code == 200) is listed is api, (page.status_code, listed, api)
    assert listed is (who in {"leader", "hr"})  # the leader at the top, and HR; nobody in Område Syd
