""" "Mine data" (GDPR article 15): everything about the person signed in, as JSON and as PDF/UA."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from pypdf import PdfReader

from handlekraft.experiments.models import Experiment, Proposal
from handlekraft.mandates.models import MandateQuestion
from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import Membership, User
from handlekraft.stories.models import Recognition, Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee(demo_org) -> tuple[User, Client]:
    user = User.objects.get(email="medarbejder@eksempel.dk")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user, client


def test_the_json_holds_everything_about_the_demo_employee_field_by_field(employee):
    user, client = employee
    Notification.objects.create(
        recipient=user, kind="test", title="Din historie er anerkendt", body="Godt gået"
    )
    response = client.get("/profil/mine-data.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert 'filename="mine-data.json"' in response["Content-Disposition"]
    data = json.loads(response.content)

    assert data["profile"] == [
        {
            "name": "Mads Andersen",
            "email": "medarbejder@eksempel.dk",
            "external_id": user.external_id,
            "language": "Dansk",
            "created": data["profile"][0]["created"],
            "last_login": data["profile"][0]["last_login"],
            "left_on": "",
            "sso_linked": "nej",
            "keep_stories": "nej",
        }
    ]
    assert {(r["unit"], r["role"]) for r in data["roles"]} == {
        (m.unit.name, m.get_role_display())
        for m in Membership.objects.filter(user=user).select_related("unit")
    }
    written = Story.objects.filter(author=user)
    assert written.exists()  # the demo employee has told stories
    assert sorted(s["title"] for s in data["stories"]) == sorted(written.values_list("title", flat=True))
    story = written.first()
    exported = next(s for s in data["stories"] if s["title"] == story.title)
    assert story.body in exported["text"] and exported["unit"] == story.unit.name
    assert sorted(r["story"] for r in data["recognitions_given"]) == sorted(
        Recognition.objects.filter(user=user).values_list("story__title", flat=True)
    )
    assert sorted((r["story"], r["from"]) for r in data["recognitions_received"]) == sorted(
        Recognition.objects.filter(story__author=user).values_list("story__title", "user__name")
    )
    assert sorted(q["text"] for q in data["questions"]) == sorted(
        MandateQuestion.objects.filter(asker=user).values_list("text", flat=True)
    )
    assert sorted(e["title"] for e in data["experiments"]) == sorted(
        Experiment.objects.filter(owners=user).values_list("title", flat=True)
    )
    assert sorted(p["title"] for p in data["proposals"]) == sorted(
        Proposal.objects.filter(proposer=user).values_list("title", flat=True)
    )
    assert {"title": "Din historie er anerkendt", "text": "Godt gået"}.items() <= data["notifications"][
        0
    ].items()
    assert "anonyme" in data["notes"]["pulse_invitations"]  # why answers are not in it
    assert "ikke til dig" in data["notes"]["dialogue_notes"]
    assert "token_hash" not in response.content.decode()


def test_the_pdf_is_tagged_and_holds_the_same_stories(employee):
    user, client = employee
    response = client.get("/profil/mine-data.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "da"
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Mine data: Mads Andersen" in text and "Historier, du har skrevet" in text
    for title in Story.objects.filter(author=user).values_list("title", flat=True):
        assert " ".join(title.split()) in " ".join(text.split())


def test_only_the_person_signed_in_gets_their_data(client):
    assert client.get("/profil/mine-data.json").status_code == 302  # to the login
    other = User.objects.create_user("x@kommune.dk", name="X")
    client.force_login(other, backend="django.contrib.auth.backends.ModelBackend")
    data = json.loads(client.get("/profil/mine-data.json").content)
    assert data["profile"][0]["name"] == "X" and data["stories"] == []
    assert client.get("/profil/mine-data.xml").status_code == 404


def test_the_profile_offers_mine_data_and_the_choice_to_keep_stories(employee):
    user, client = employee
    page = client.get("/profil/").content.decode()
    assert "/profil/mine-data.pdf" in page and "/profil/mine-data.json" in page
    client.post("/profil/historier-efter-fratraedelse/", {"keep_stories": "on"})
    user.refresh_from_db()
    assert user.keep_stories
    client.post("/profil/historier-efter-fratraedelse/", {})
    user.refresh_from_db()
    assert not user.keep_stories
    assert client.get("/profil/historier-efter-fratraedelse/").status_code == 405
