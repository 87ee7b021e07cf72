"""'Sådan behandler vi dine oplysninger': plain Danish and English, linked where people give data."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from handlekraft.dialogue.models import Meeting
from handlekraft.pulse import services
from handlekraft.pulse.models import Item, Survey

MODULES = [
    "Din profil",
    "Vores råderum",
    "Prøvehandlinger og historier",
    "Dialogmøder",
    "Målinger",
    "Logfiler",
]


def test_the_notice_says_what_each_module_stores_who_sees_it_and_how_long(db):
    page = Client().get("/privatliv/").content.decode()
    assert all(f">{m}" in page for m in MODULES)
    assert "en note uden navn er anonym overalt" in page
    assert "Resultater vises kun for grupper på mindst 5" in page  # the threshold in force
    assert "Datatilsynet" in page


def test_the_notice_is_in_english_too(db):
    client = Client()
    client.post("/sprog/en/", {"next": "/privatliv/"})
    page = client.get("/privatliv/").content.decode()
    assert "How we handle your data" in page and "Your profile" in page and "Datatilsynet" in page


def test_the_footer_the_participant_page_and_the_pulse_pages_link_to_it(cast):
    meeting = Meeting.objects.create(title="Dialogmøde", committee=cast.lmu, status="aaben")
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="Puls", unit=cast.unit, opens=today, closes=today + timedelta(days=7), round="2026Q4"
    )
    survey.items.set(Item.objects.filter(in_default_pulse=True))
    [(_unit, raw), *_rest] = services.make_codes(survey)
    client = Client()
    pages = {
        "front": client.get("/login/"),
        "participant": client.get(f"/m/{meeting.join_code}/"),
        "code": client.get("/puls/"),
        "answer": client.post("/puls/", {"kode": raw}),
    }
    for name, response in pages.items():
        html = response.content.decode()
        links = html.count('href="/privatliv/"')
        assert links >= (1 if name == "front" else 2), name  # the footer, and next to the form
