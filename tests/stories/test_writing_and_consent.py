"""Writing a story, consent from the colleagues named, and the guard on personal data."""

from __future__ import annotations

import pytest

from handlekraft.lib.cpr import find_cpr
from handlekraft.notifications.models import Notification
from handlekraft.stories.models import Story, StoryPerson
from tests.conftest import delivered

from .conftest import form_data, make_story

VALID = "0101901009"  # passes modulus 11 (tests/lib/test_cpr.py)


def test_a_story_without_colleagues_is_published_at_once(client_as, cast, area, professions):
    response = client_as("employee").post(
        "/historier/ny/",
        form_data(
            unit=cast.unit.pk,
            decision_area=area.pk,
            professions=[professions["sosu"].pk],
            theme_choices=["ledelse", "praksis"],
        ),
    )
    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == story.get_absolute_url()
    assert story.status == Story.Status.PUBLISHED and story.published_at is not None
    assert story.author == cast.employee and story.decision_area == area
    page = client_as("other").get(story.get_absolute_url()).content.decode()
    assert "Brugte råderummet" in page and area.title in page
    assert "Ledelse – råderum, retning og nærvær" in page


def test_a_draft_is_seen_by_its_author_only(client_as, cast):
    client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, action="draft"))
    story = Story.objects.get()
    assert story.status == Story.Status.DRAFT
    assert client_as("employee").get(story.get_absolute_url()).status_code == 200
    for who in ["leader", "other", "tr", "hr"]:
        assert client_as(who).get(story.get_absolute_url()).status_code == 404, who


def test_named_colleagues_consent_before_the_story_is_published(client_as, cast):
    client_as("employee").post(
        "/historier/ny/", form_data(unit=cast.unit.pk, people=[cast.tr.pk], other_people=cast.other.email)
    )
    story = Story.objects.get()
    assert story.status == Story.Status.AWAITING
    assert {p.user for p in story.people.all()} == {cast.tr, cast.other}
    # They are asked, in the app and by e-mail, and the story is not in the feed yet.
    assert Notification.objects.filter(kind="story_consent", recipient__in=[cast.tr, cast.other]).count() == 2
    assert any(cast.tr.email in m.to for m in delivered())
    assert story.title not in client_as("leader").get("/historier/").content.decode()
    assert client_as("leader").get(story.get_absolute_url()).status_code == 404

    client_as("tr").post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"})
    story.refresh_from_db()
    assert story.status == Story.Status.AWAITING
    client_as("other").post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"})
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert Notification.objects.filter(kind="story_status", recipient=cast.employee).exists()
    assert story.title in client_as("leader").get("/historier/").content.decode()


def test_a_colleague_can_decline_without_a_reason_and_the_author_removes_them(client_as, cast):
    client_as("employee").post(
        "/historier/ny/", form_data(unit=cast.unit.pk, people=[cast.tr.pk, cast.amr.pk])
    )
    story = Story.objects.get()
    client_as("amr").post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"})
    client_as("tr").post(f"/historier/{story.pk}/samtykke/", {"answer": "no"})
    story.refresh_from_db()
    assert story.status == Story.Status.AWAITING
    told = Notification.objects.get(kind="story_status", recipient=cast.employee)
    assert "sagt nej" in told.title
    person = story.people.get(user=cast.tr)
    assert person.consent == StoryPerson.Consent.DECLINED
    # Only the author can remove a colleague.
    assert client_as("leader").post(f"/historier/{story.pk}/kolleger/{person.pk}/fjern/").status_code == 403
    client_as("employee").post(f"/historier/{story.pk}/kolleger/{person.pk}/fjern/")
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert list(story.people.values_list("user", flat=True)) == [cast.amr.pk]


def test_only_people_named_can_answer_and_changing_the_text_asks_them_again(client_as, cast):
    client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, people=[cast.tr.pk]))
    story = Story.objects.get()
    assert client_as("other").post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"}).status_code == 403
    client_as("tr").post(f"/historier/{story.pk}/samtykke/", {"answer": "yes"})
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    # The author rewrites the story: Tina agreed to the old text, so she is asked again.
    client_as("employee").post(
        f"/historier/{story.pk}/rediger/",
        form_data(
            unit=cast.unit.pk, people=[cast.tr.pk], body="En helt ny tekst om Tina.", version=story.version
        ),
    )
    story.refresh_from_db()
    assert story.status == Story.Status.AWAITING
    assert story.people.get().consent == StoryPerson.Consent.PENDING


def test_a_learning_story_requires_its_learning(client_as, cast):
    response = client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, kind="learning"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_learning-error"' in page and "Skriv, hvad I lærte" in page
    assert not Story.objects.exists()
    client_as("employee").post(
        "/historier/ny/",
        form_data(unit=cast.unit.pk, kind="learning", learning="Vi tjekker nu bussen dagen før."),
    )
    assert Story.objects.get().kind == Story.Kind.LEARNING


def test_a_citizen_story_requires_the_citizen_to_be_anonymous_or_to_have_consented(client_as, cast):
    response = client_as("employee").post("/historier/ny/", form_data(unit=cast.unit.pk, kind="citizen"))
    assert "Bekræft, at borgeren ikke kan genkendes" in response.content.decode()
    assert not Story.objects.exists()
    client_as("employee").post(
        "/historier/ny/", form_data(unit=cast.unit.pk, kind="citizen", citizen_consent="anonym")
    )
    assert Story.objects.get().citizen_consent == Story.CitizenConsent.ANONYMOUS


@pytest.mark.parametrize(
    "text",
    [
        f"Borgeren med cpr {VALID[:6]}-{VALID[6:]} ringede om aftenen.",  # inside a sentence, with separator
        f"Vi hjalp {VALID} med at komme i bad.",  # without separator
        f"Den 12.03.2025 mødte vi {VALID[:6]}-{VALID[6:]} i døren.",  # next to a date
        f"Mødet 2025-03-12 {VALID} gik godt.",  # next to an ISO date
        f"Hun har nummer {VALID[:6]}-\n{VALID[6:]} og bor alene.",  # split across a line break
        f"Han hedder {VALID[:6]}\n{VALID[6:]} og bor på tredje sal.",  # split without separator
        f"Personnummer {VALID[:6]} - {VALID[6:]}.",  # spaces around the separator
    ],
)
def test_the_guard_finds_cpr_numbers_in_story_shaped_text(text):
    assert len(find_cpr(text)) == 1, text


def test_the_dates_next_to_a_number_are_not_taken_for_one():
    assert find_cpr("Den 12.03.2025 og den 2025-03-12 gik det godt, kl. 10.30.") == []


@pytest.mark.parametrize("field", ["title", "body", "meaning", "learning"])
def test_a_cpr_number_in_any_field_is_refused_next_to_the_field_and_nothing_is_lost(client_as, cast, field):
    text = f"Vi talte med borgeren, {VALID[:6]}-\n{VALID[6:]}, om aftenen."
    fields = {"unit": cast.unit.pk, "kind": "learning", "learning": "Vi lærte noget.", field: text}
    response = client_as("employee").post("/historier/ny/", form_data(**fields))
    page = response.content.decode()
    assert response.status_code == 200 and not Story.objects.exists()
    assert f'id="id_{field}-error"' in page and "CPR-nummer" in page
    assert f"{VALID[:6]}-XXXX" in page  # the message points at the number without its control digits
    assert "Vi talte med borgeren" in page  # what the person wrote is still there


def test_a_concurrent_edit_does_not_overwrite(client_as, cast):
    story = make_story(cast)
    stale = story.version
    client_as("employee").post(
        f"/historier/{story.pk}/rediger/", form_data(unit=cast.unit.pk, title="Første udgave", version=stale)
    )
    response = client_as("employee").post(
        f"/historier/{story.pk}/rediger/", form_data(unit=cast.unit.pk, title="Anden udgave", version=stale)
    )
    page = response.content.decode()
    assert response.status_code == 200 and "ændret, mens du skrev" in page
    assert "Anden udgave" in page and "Første udgave" in page
    story.refresh_from_db()
    assert story.title == "Første udgave"


def test_a_decision_area_not_in_force_for_the_unit_cannot_be_linked(client_as, cast):
    from handlekraft.mandates.models import DecisionArea

    elsewhere = DecisionArea.objects.create(unit=cast.other_unit, title="Ruten", level=6)
    response = client_as("employee").post(
        "/historier/ny/", form_data(unit=cast.unit.pk, decision_area=elsewhere.pk)
    )
    assert response.status_code == 200 and not Story.objects.exists()
    assert 'id="id_decision_area-error"' in response.content.decode()
