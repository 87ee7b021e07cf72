"""Reach: the weekly e-mail digest (a background task) and the private Atom feed."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from handlekraft.notifications.models import EmailPreference
from handlekraft.stories.digest import current_week
from handlekraft.stories.models import DigestRun, FeedToken, Story
from tests.conftest import delivered

from .conftest import make_story

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_weekly_digest_sends_new_stories_from_each_persons_area_once(cast):
    make_story(cast, title="Ny historie fra Bøgely")
    old = make_story(cast, title="Gammel historie")
    Story.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=20))
    make_story(cast, title="Kladde", status=Story.Status.DRAFT)
    EmailPreference.objects.create(user=cast.amr, kind="story_digest", email=False)

    call_command("send_story_digest")  # tests run tasks at once (the immediate backend)

    by_person = {m.to[0]: m for m in delivered()}
    # Everyone in Område Syd except the author (who wrote it) and the AMR (who opted out); HR is elsewhere.
    assert set(by_person) == {cast.leader.email, cast.tr.email, cast.other.email}
    body = by_person[cast.other.email].body
    assert "Ny historie fra Bøgely" in body and "Gammel historie" not in body and "Kladde" not in body
    assert "Min profil" in body
    assert by_person[cast.other.email].subject.startswith("Nye historier fra dit område")
    assert DigestRun.objects.get(week=current_week()).sent == 3

    mail.outbox.clear()
    call_command("send_story_digest")
    assert delivered() == []  # the same week is never sent twice


def test_the_digest_can_be_turned_off_under_my_profile(client_as, cast):
    make_story(cast, author=cast.other, unit=cast.other_unit)
    client_as("employee").post("/profil/", {"action": "email"})  # every box unticked
    assert EmailPreference.objects.get(user=cast.employee, kind="story_digest").email is False
    call_command("send_story_digest")
    assert cast.employee.email not in {m.to[0] for m in delivered()}


def test_the_private_atom_feed_shows_stories_from_the_area_and_can_be_revoked(client_as, client, cast):
    make_story(cast, title="Fra Hjemmeplejen", unit=cast.other_unit, author=cast.other)
    make_story(cast, title="Kladde", status=Story.Status.DRAFT)
    page = client_as("employee").post("/historier/abonner/", {"action": "new"})
    address = page.context["address"]
    assert "?noegle=" in address and address in page.content.decode()
    path = address.split("127.0.0.1:8000")[-1]

    response = client.get(path)  # a feed reader: no session
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Fra Hjemmeplejen"]
    [self_link] = [e for e in feed.findall(f"{ATOM}link") if e.get("rel") == "self"]
    assert self_link.get("href").endswith(path)  # rel="self": where a reader finds the feed again

    # A new address revokes the old one; so does turning the feed off.
    second = client_as("employee").post("/historier/abonner/", {"action": "new"}).context["address"]
    assert client.get(path).status_code == 404
    client_as("employee").post("/historier/abonner/", {"action": "revoke"})
    assert client.get(second.split("127.0.0.1:8000")[-1]).status_code == 404
    assert client.get("/historier/atom/?noegle=gaet-en-noegle").status_code == 404
    assert not FeedToken.objects.filter(revoked__isnull=True).exists()
