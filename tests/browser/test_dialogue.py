"""Dialogmøder in the browser: a participant on a phone, the facilitator's live board (by keyboard),
a poll, and axe on every page including the participant page."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_main_flow import log_in

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db):
    from importlib import import_module

    from handlekraft.organisation import demo as org_demo

    org = org_demo.build()
    for app in ("mandates", "dialogue"):
        import_module(f"handlekraft.{app}.demo").build(org)
    return org


def phone(open_page) -> Visit:
    return open_page(viewport=PHONE, is_mobile=True, has_touch=True)


def test_a_participant_on_a_phone_joins_posts_and_edits(open_page, demo):
    participant = phone(open_page)
    page = participant.page
    participant.goto("/m/")
    page.get_by_label("Mødets kode").fill("sol 234")
    page.get_by_role("button", name="Deltag").click()
    page.wait_for_url("**/m/SOL234/")
    participant.check()
    # The template's text for participants, and the municipality's own description it refers to.
    assert page.get_by_text("Vi taler om, hvad aktørskab betyder i vores hverdag.").is_visible()
    assert page.get_by_text("Sådan beskriver Eksempel Kommune aktørskab").is_visible()
    page.get_by_label("Det, vi mangler svar på").check()
    page.get_by_label("Din note").fill("Hvad må vi selv beslutte om vikarer?")
    page.get_by_role("button", name="Send noten").click()
    page.get_by_text("Tak! Din note er sendt.").wait_for()
    participant.check()
    assert page.get_by_text("Hvad må vi selv beslutte om vikarer?").is_visible()
    page.get_by_role("link", name="Ret eller slet").click()
    participant.check()
    page.get_by_label("Ret din note").fill("Hvad må vi selv beslutte, når vi skal finde en vikar?")
    page.get_by_role("button", name="Gem", exact=True).click()
    page.get_by_text("Din note er rettet.").wait_for()
    participant.check()
    assert page.get_by_text("når vi skal finde en vikar").is_visible()
    # An empty note is refused next to the field, and the page still passes axe.
    page.get_by_role("button", name="Send noten").click()
    page.get_by_text("Skriv noget i noten").first.wait_for()
    participant.check()


def test_the_facilitator_sees_notes_arrive_groups_by_keyboard_and_closes(open_page, demo):
    facilitator = open_page()
    log_in(facilitator, "leder@eksempel.dk")
    page = facilitator.page
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Dialogmøder").click()
    facilitator.check()
    page.get_by_role("link", name="Hvad er aktørskab for os? – LMU Solhaven").click()
    facilitator.check()

    participant = phone(open_page)
    participant.goto("/m/SOL234/")
    participant.page.get_by_label("Din note").fill("Tillid til, at vi selv kan")
    sent = time.monotonic()
    participant.page.get_by_role("button", name="Send noten").click()
    participant.page.get_by_text("Tak! Din note er sendt.").wait_for()
    note = page.locator(".board-note", has_text="Tillid til, at vi selv kan")
    note.wait_for(timeout=3000)  # a note reaches the board within 3 s
    assert time.monotonic() - sent < 3.5

    # Make a group, then move the note into it with the keyboard only.
    page.get_by_label("Ny gruppe i kolonnen").first.fill("Tillid")
    page.get_by_label("Ny gruppe i kolonnen").first.press("Enter")
    page.get_by_role("heading", name="Tillid", exact=True).wait_for()
    note.get_by_role("link", name="Flyt").focus()
    page.keyboard.press("Enter")  # the note's groups open inside the note, the present place focused
    note.get_by_role("group", name="Flyt noten til gruppe").wait_for()
    assert page.evaluate("document.activeElement.id").endswith("-none")
    facilitator.check()
    page.keyboard.press("ArrowDown")  # to "Tillid", the next radio button
    assert note.get_by_label("Tillid").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Flyt"
    page.keyboard.press("Enter")
    page.locator(".board-group", has_text="Tillid").locator(".board-note", has_text="Tillid til").wait_for()
    facilitator.check()

    # Hiding goes through the board's one shared form, by a button of the note's own.
    other = page.locator(".board-note", has_text="Tillid til, at vi selv kan")
    other.get_by_role("button", name="Skjul").click()
    page.locator(".board-note--hidden", has_text="Tillid til").wait_for()
    page.locator(".board-note--hidden", has_text="Tillid til").get_by_role("button", name="Vis").click()
    page.locator(".board-note:not(.board-note--hidden)", has_text="Tillid til").wait_for()

    note = page.locator(".board-note", has_text="Tillid til, at vi selv kan")
    note.get_by_role("button", name="Vejen videre").click()
    page.locator(".board-note--forward", has_text="Tillid til").wait_for()
    # Marked for the opsamling's "Når vi lykkes": the note says so, and the button takes it back.
    note.get_by_role("button", name="Når vi lykkes").click()
    note.locator(".board-note__tag", has_text="Når vi lykkes").wait_for()
    assert note.get_by_role("button", name="Fjern fra Når vi lykkes").is_visible()
    facilitator.check()
    page.get_by_role("button", name="Luk mødet").click()
    page.get_by_text("Mødet er lukket. Noterne er gemt").wait_for()
    facilitator.check()

    participant.goto("/m/SOL234/")
    assert participant.page.get_by_text("Mødet er lukket. Tak for dine input!").is_visible()


def test_the_facilitator_drags_a_note_onto_a_group_of_its_column(open_page, demo):
    from handlekraft.dialogue.models import Meeting, Note, NoteGroup

    meeting = Meeting.objects.get(join_code="SOL234")
    column = meeting.column_keys[0]
    Note.objects.create(meeting=meeting, column=column, text="Tillid til, at vi selv kan", client_id="d1")
    NoteGroup.objects.create(meeting=meeting, column=column, name="Rammer")
    meeting.bump()
    facilitator = open_page()
    log_in(facilitator, "leder@eksempel.dk")
    facilitator.goto(meeting.get_absolute_url())
    page = facilitator.page
    rammer = page.locator(".board-group", has_text="Rammer")
    moved = page.locator(".board-note", has_text="Tillid til").locator(".board-note__text")
    with page.expect_response(lambda r: r.url.endswith("/noter/") and r.request.method == "POST") as sent:
        moved.drag_to(rammer.locator("ul"))
    assert sent.value.status == 204
    page.reload()  # the board as the server has it
    rammer.locator(".board-note", has_text="Tillid til").wait_for()
    # Without JavaScript, "Flyt" is a page of its own.
    note = page.locator(".board-note", has_text="Tillid til").get_attribute("data-note")
    facilitator.goto(f"{meeting.get_absolute_url()}noter/{note}/flyt/")
    assert page.get_by_label("Rammer").is_checked()
    facilitator.check()


def test_a_poll(open_page, demo):
    facilitator = open_page()
    log_in(facilitator, "leder@eksempel.dk")
    from handlekraft.dialogue.models import Meeting

    meeting = Meeting.objects.get(join_code="SOL234")
    facilitator.goto(meeting.get_absolute_url())
    page = facilitator.page
    page.get_by_label("Spørgsmål", exact=True).fill("Hvornår holder vi næste møde?")
    page.get_by_label("Svarmuligheder").fill("Om en måned\nOm et kvartal")
    page.get_by_role("button", name="Start afstemningen").click()
    page.get_by_text("Afstemningen er åben.").wait_for()
    facilitator.check()

    participant = phone(open_page)
    participant.goto("/m/SOL234/")
    participant.page.get_by_label("Om et kvartal").check()
    participant.page.get_by_role("button", name="Send svar").last.click()
    participant.page.get_by_text("Tak for dit svar.").wait_for()
    participant.check()
    result = page.locator(".poll-result", has_text="Hvornår holder vi næste møde?")
    row = result.get_by_role("row").filter(has_text="Om et kvartal")
    expect(row).to_contain_text("100 %", timeout=3000)  # live, without reloading the board


def test_every_dialogue_page_passes_axe(visit, demo):
    from handlekraft.dialogue.models import Meeting, MeetingTemplate

    log_in(visit, "hr@eksempel.dk")
    workshop = Meeting.objects.get(title="Workshop og HU-temadag om styrket aktørskab")
    template = MeetingTemplate.objects.get(name="Råderumsworkshop")
    for path in [
        "/dialog/",
        workshop.get_absolute_url(),
        f"/dialog/{workshop.pk}/skaerm/",
        f"/dialog/{workshop.pk}/rediger/",
        f"/dialog/nyt/?skabelon={template.pk}",
        "/m/",
        f"/m/{workshop.join_code}/",
    ]:
        visit.goto(path)
    visit.goto("/m/ZZZZZZ/", status=404)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_projector_fills_the_screen_with_the_code_and_the_qr_code_in_view(
    open_page, demo, size, tmp_path
):
    import io

    from PIL import Image

    from handlekraft.dialogue.models import Meeting

    width, height = size
    visit = open_page(viewport={"width": width, "height": height})
    log_in(visit, "leder@eksempel.dk")
    meeting = Meeting.objects.get(join_code="SOL234")
    visit.goto(f"/dialog/{meeting.pk}/skaerm/")
    page = visit.page
    # Nothing of the site around it: no header, menu, "Log af" or footer.
    assert page.locator("header, footer, nav").count() == 0
    assert page.get_by_role("button", name="Log af").count() == 0
    assert page.get_by_role("button", name="Fuld skærm").is_visible()  # Chromium can go full screen
    shot = page.screenshot()  # the viewport only: what the room sees without anyone scrolling
    (tmp_path / f"projector-{width}x{height}.png").write_bytes(shot)
    image = Image.open(io.BytesIO(shot)).convert("L")
    assert image.size == (width, height)
    for element in (page.locator(".projector-code"), page.locator(".projector-qr svg")):
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (size, box)
        assert box["x"] + box["width"] <= width
    assert page.locator(".projector-code").inner_text().endswith(meeting.join_code)
    # The QR code is drawn where it says it is: its square holds dark and light modules.
    qr = page.locator(".projector-qr svg").bounding_box()
    crop = image.crop((int(qr["x"]), int(qr["y"]), int(qr["x"] + qr["width"]), int(qr["y"] + qr["height"])))
    dark = sum(1 for value in crop.getdata() if value < 80) / (crop.width * crop.height)
    assert 0.2 < dark < 0.7, dark
    assert qr["width"] >= 200  # big enough to scan from the back of the room
    no_sideways = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_sideways
