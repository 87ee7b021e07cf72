"""The municipality's own word for aktørskab (Indstillinger: "ordet for aktørskab") is used where the UI
says it: the recognition button and its notification, "Status på …" (page, DOCX, PDF) and the story form."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import SiteSettings
from handlekraft.plan import status
from tests.stories.conftest import make_story


@pytest.fixture
def medledelse(db):
    site = SiteSettings.current()
    site.agency_word = "medledelse"
    site.save()
    yield "medledelse"


def test_the_recognition_says_the_municipalitys_word(client_as, cast, medledelse):
    story = make_story(cast, author=cast.employee)
    leader = client_as("leader")
    page = leader.get(story.get_absolute_url()).content.decode()
    assert page.count("Det dér er godt medledelse!") == 2 and "aktørskab!" not in page  # heading and button
    leader.post(f"/historier/{story.pk}/anerkend/", {"note": ""})
    told = Notification.objects.get(recipient=cast.employee, kind="story_recognised")
    assert told.title == f"{cast.leader} siger: Det dér er godt medledelse! (»{story.title}«)"


def test_the_status_page_and_its_files_say_the_municipalitys_word(client_as, cast, medledelse):
    make_story(cast)
    status.compute()
    hr = client_as("hr")
    html = hr.get("/plan/status/").content.decode()
    assert "<title>Status på medledelse" in html and "<h1>Status på medledelse</h1>" in html
    document = Document(io.BytesIO(hr.get("/plan/status/rapport.docx").content))
    assert document.paragraphs[0].text == "Status på medledelse"
    assert document.core_properties.title == "Status på medledelse"
    pdf = PdfReader(io.BytesIO(hr.get("/plan/status/rapport.pdf").content))
    assert (
        "Status på medledelse" in pdf.pages[0].extract_text() and pdf.metadata.title == "Status på medledelse"
    )


def test_the_story_forms_help_says_the_municipalitys_word(client_as, cast, medledelse):
    html = client_as("employee").get("/historier/ny/").content.decode()
    assert "De fire temaer fra arbejdet med medledelse." in html
    assert "arbejdet med aktørskab" not in html
