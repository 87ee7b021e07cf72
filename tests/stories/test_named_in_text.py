"""Everyone named in a story's text: colleagues are asked for consent like those ticked; a citizen named by
full name is flagged for the author to anonymise."""

from __future__ import annotations

import json

from handlekraft.notifications.models import Notification
from handlekraft.stories.models import Story
from tests.stories.conftest import form_data


def test_a_colleague_named_only_in_the_text_is_ticked_and_must_consent(client_as, cast):
    author = client_as("employee")
    body = "Tove Tillid og jeg byttede vagter, så beboeren fik sin faste hjælper."
    first = author.post("/historier/ny/", form_data(unit=cast.unit.pk, body=body))
    page = first.content.decode()
    assert first.status_code == 200 and not Story.objects.exists()
    assert 'id="id_people-error"' in page and "Du nævner Tove Tillid i teksten" in page
    assert first.context["form"]["people"].value() == [str(cast.tr.pk)]  # ticked for the author
    # Sending again confirms: the story waits for Tove's consent, like a ticked colleague's.
    confirmed = author.post("/historier/ny/", form_data(unit=cast.unit.pk, body=body, people=[cast.tr.pk]))
    assert confirmed.status_code == 302
    story = Story.objects.get()
    assert story.status == Story.Status.AWAITING
    assert [p.user for p in story.people.all()] == [cast.tr]
    assert Notification.objects.filter(recipient=cast.tr, kind="story_consent").exists()


def test_a_colleague_from_elsewhere_named_in_the_text_is_added_by_e_mail(client_as, cast):
    body = "Anna Anden fra hjemmeplejen viste os, hvordan de planlægger ruterne."
    page = client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, body=body))
    assert page.context["form"]["other_people"].value().strip() == cast.other.email


def test_the_api_asks_a_colleague_named_in_the_text_for_consent(client_as, cast):
    response = client_as("employee").post(
        "/api/v1/stories",
        json.dumps({"kind": "story", "title": "Vikaren", "body": "Arne Miljø hjalp med at finde en vikar."}),
        content_type="application/json",
    )
    assert response.status_code == 201
    story = Story.objects.get()
    assert story.status == Story.Status.AWAITING and [p.user for p in story.people.all()] == [cast.amr]


def test_a_citizen_named_by_full_name_is_flagged_until_the_author_anonymises_it(client_as, cast):
    author = client_as("employee")
    body = "Vi hjalp Anders Hansen med at komme i bad om aftenen, som han gerne ville."
    page = author.post("/historier/ny/", form_data(unit=cast.unit.pk, body=body)).content.decode()
    assert 'id="id_body-error"' in page and "»Anders Hansen«" in page and not Story.objects.exists()
    assert 'type="checkbox" class="form-checkbox" id="id_not_a_citizen"' in page  # when it is no citizen
    anonymised = author.post(
        "/historier/ny/", form_data(unit=cast.unit.pk, body=body.replace("Anders Hansen", "en beboer"))
    )
    assert anonymised.status_code == 302


def test_the_author_may_say_a_full_name_is_not_a_citizens(client_as, cast):
    body = "Anders Hansen fra Kræftens Bekæmpelse holdt et oplæg for os."
    response = client_as("employee").post(
        "/historier/ny/", form_data(unit=cast.unit.pk, body=body, not_a_citizen="on")
    )
    assert response.status_code == 302


def test_the_not_a_citizen_box_is_shown_only_when_a_name_was_flagged(client_as, cast):
    page = client_as("employee").get("/historier/ny/").content.decode()
    assert "Navnet er ikke en borgers" not in page and 'type="hidden" name="not_a_citizen"' in page


def test_ordinary_capitalised_words_are_not_taken_for_names(client_as, cast):
    body = "Plejecenter Bøgely og Kræftens Bekæmpelse holdt Sankt Hans sammen. Vi Var mange."
    response = client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, body=body))
    assert response.status_code == 302
