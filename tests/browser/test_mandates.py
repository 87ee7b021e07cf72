"""Råderum in the browser: ask "Må jeg selv?", read the råderum, and a leader edits an area."""

from __future__ import annotations

import pytest

from tests.browser.test_main_flow import log_in


@pytest.fixture
def demo(transactional_db):
    from importlib import import_module

    from handlekraft.organisation import demo as org_demo

    org = org_demo.build()
    import_module("handlekraft.mandates.demo").build(org)
    return org


def test_employee_asks_and_reads_the_mandate(visit, demo):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    page.get_by_role("textbox", name="Må jeg selv?").fill("Må jeg selv ringe efter en afløser?")
    page.get_by_role("button", name="Søg i råderummet").click()
    page.wait_for_url("**/raaderum/maa-jeg-selv/**")
    visit.check()
    assert page.get_by_text("Ja, I beslutter selv.").first.is_visible()
    assert page.get_by_text("Det står under »Valg af vikar ved akut fravær«.").is_visible()

    page.get_by_role("textbox", name="Må jeg selv?").fill("Må jeg male min bil i kælderen?")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.check()
    assert page.get_by_role("heading", name="Vi fandt ikke et klart svar").is_visible()

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Råderum").click()
    page.wait_for_url("**/raaderum/enheder/SO-SOL-A/")
    visit.check()
    assert page.get_by_role("heading", name="Aftalt for Solhaven, afsnit A (1)").is_visible()
    page.get_by_role("link", name="Valg af vikar ved akut fravær").click()
    visit.check()
    assert page.get_by_role(
        "img", name="Delegeringsniveau 7 af 7: Uddelegere – I beslutter selv"
    ).is_visible()
    assert page.get_by_role("link", name="Redigér").count() == 0


def test_leader_edits_an_area_by_keyboard_and_sees_the_version(visit, demo):
    page = visit.page
    log_in(visit, "leder@eksempel.dk")
    visit.goto("/raaderum/enheder/SO-SOL/")
    page.get_by_role("link", name="Indretning af fællesarealer").click()
    visit.check()
    page.get_by_role("link", name="Redigér").click()
    page.wait_for_url("**/rediger/")
    visit.check()
    page.get_by_label("7. Uddelegere – I beslutter selv").check()
    page.get_by_label("Beløbsgrænse (kr.)").fill("1.250,50")
    page.get_by_label("Hvad har du ændret?").fill("Aftalt på teammødet")
    page.get_by_role("button", name="Gem", exact=True).press("Enter")
    page.wait_for_url("**/raaderum/omraader/**")
    visit.check()
    assert page.get_by_text("Ændringerne er gemt.").is_visible()
    assert page.get_by_text("Højst 1.250,50 kr.").is_visible()
    page.get_by_role("link", name="Version 2").click()
    visit.check()
    assert page.get_by_role("cell", name="Aftalt på teammødet").count() == 0  # the note is in the header
    assert page.locator("ins", has_text="7").first.is_visible()


def test_a_form_error_is_announced_and_linked(visit, demo):
    page = visit.page
    log_in(visit, "leder@eksempel.dk")
    visit.goto("/raaderum/enheder/SO-SOL/nyt/")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem", exact=True).click()
    visit.check()
    summary = page.locator('[data-module="error-summary"]')
    assert summary.is_visible()
    assert page.get_by_label("Titel").get_attribute("aria-invalid") == "true"


def test_the_delegation_board_and_questions_are_accessible(visit, demo):
    page = visit.page
    log_in(visit, "leder@eksempel.dk")
    assert page.get_by_role("heading", name="Spørgsmål, der venter på dit svar").is_visible()
    page.get_by_role("link", name="Må vi selv købe ind til en fødselsdagsfest for en beboer?").click()
    visit.check()
    page.get_by_label("Dit svar").fill("Ja, inden for aktivitetsbudgettet.")
    page.get_by_label("Det står i dette beslutningsområde").select_option(
        label="Udflugter og aktiviteter med beboere"
    )
    page.get_by_label("Gør spørgsmålet søgbart (valgfrit)").fill("Må vi holde fødselsdag for en beboer?")
    page.get_by_role("button", name="Send svar").click()
    page.wait_for_url("**/spoergsmaal/**")
    visit.check()
    assert page.get_by_text("Besvaret af Lene Holm").is_visible()
    page.get_by_role("link", name="Udflugter og aktiviteter med beboere").click()
    visit.check()
    asked = page.get_by_role("region", name="Det har andre spurgt om")
    assert asked.get_by_text("Må vi holde fødselsdag for en beboer?").is_visible()
    visit.goto("/raaderum/enheder/SO-SOL/tavle/")
    assert page.get_by_role("table").is_visible()
    visit.goto("/raaderum/spoergsmaal/")


def test_an_employee_asks_the_leader_from_an_unclear_answer(visit, demo):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    visit.goto("/raaderum/maa-jeg-selv/?q=M%C3%A5+jeg+male+min+bil+i+k%C3%A6lderen%3F")
    assert page.get_by_role("heading", name="Vi fandt ikke et klart svar").is_visible()
    assert page.get_by_label("Dit spørgsmål", exact=True).input_value() == "Må jeg male min bil i kælderen?"
    page.get_by_role("button", name="Send spørgsmålet til min leder").click()
    page.wait_for_url("**/spoergsmaal/**")
    visit.check()
    assert page.get_by_text("Spørgsmålet afventer svar fra lederen.").is_visible()
    visit.goto("/raaderum/enheder/SO-SOL/poker/")
    page.get_by_role("link", name="Delegeringspoker på personalemødet i september").click()
    visit.check()
    assert page.get_by_role("heading", name="Sessionen er afsluttet").is_visible()


def test_a_question_without_a_clear_answer_offers_the_nearest_areas_and_asks_the_leader(visit, demo):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    question = "Må jeg tage min hund med på arbejde?"
    page.get_by_role("textbox", name="Må jeg selv?").fill(question)
    page.get_by_role("button", name="Søg i råderummet").click()
    page.wait_for_url("**/raaderum/maa-jeg-selv/**")
    visit.check()
    assert page.get_by_role("heading", name="Vi fandt ikke et klart svar").is_visible()
    maybe = page.get_by_role("list", name="Måske handler dit spørgsmål om …")
    assert maybe.get_by_role("link").count() >= 1
    assert "Ja" not in maybe.inner_text() and "Nej" not in maybe.inner_text()  # no yes/no for a guess
    ask = page.get_by_role("textbox", name="Dit spørgsmål")
    assert ask.input_value() == question
    page.get_by_role("button", name="Send spørgsmålet til min leder").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/raaderum/spoergsmaal/**")
    visit.check()
    assert page.get_by_text("Dit spørgsmål er sendt til din leder").is_visible()


def test_a_legal_frame_is_answered_from_its_own_area(visit, demo):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    page.get_by_role("textbox", name="Må jeg selv?").fill("Må jeg tale med pårørende om en beboers helbred?")
    page.get_by_role("button", name="Søg i råderummet").click()
    page.wait_for_url("**/raaderum/maa-jeg-selv/**")
    visit.check()
    assert page.get_by_text("Nej, lederen beslutter.").first.is_visible()
    assert page.get_by_text("Det står under »Tavshedspligt og videregivelse af oplysninger«.").is_visible()
