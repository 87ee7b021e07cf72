"""Prøvehandlinger and forenkling in the browser: whole lifecycles, axe on every page."""

from __future__ import annotations

import pytest

from tests.browser.test_main_flow import log_in


@pytest.fixture
def demo(transactional_db):
    from importlib import import_module

    from handlekraft.organisation import demo as org_demo

    org = org_demo.build()
    import_module("handlekraft.mandates.demo").build(org)
    import_module("handlekraft.experiments.demo").build(org)
    return org


def fill_card(page, title: str, area: str):
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Vi tror, at …").fill("beboerne spiser mere, når de selv vælger")
    page.get_by_label("Derfor prøver vi …").fill("at beboerne vælger fredagens ret")
    page.get_by_label("Vi måler …").fill("hvor meget der spises")
    page.get_by_label("Vi har ret, hvis …").fill("der spises mere om fredagen")
    page.get_by_label("Beslutningsområde").select_option(label=area)


def test_an_experiment_within_the_mandate_runs_and_is_evaluated(visit, demo):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Prøvehandlinger").click()
    visit.check()
    page.get_by_role("link", name="Ny prøvehandling").click()
    visit.check()
    fill_card(page, "Fredagsret efter ønske", "Udflugter og aktiviteter med beboere")
    page.get_by_role("button", name="Gem").click()
    page.wait_for_url("**/proevehandlinger/*/")
    visit.check()
    page.get_by_role("button", name="Start prøvehandlingen").click()
    page.get_by_text("Prøvehandlingen er i gang.").wait_for()
    visit.check()
    page.get_by_label("Vi troede …").fill("at de ville spise mere")
    page.get_by_label("Vi observerede …").fill("at de spiste det samme, men snakkede mere")
    page.get_by_label("Vi lærte …").fill("at valget skaber samtale")
    page.get_by_label("Derfor vil vi …").fill("stoppe forsøget og prøve noget andet")
    page.get_by_label("Stoppe").check()
    page.get_by_role("button", name="Gem læringskortet").click()
    page.get_by_text("At stoppe er et resultat, ikke en fiasko").wait_for()
    visit.check()


def test_an_experiment_outside_the_mandate_is_approved_by_the_leader(open_page, demo):
    employee = open_page()
    log_in(employee, "tr@eksempel.dk")
    employee.goto("/proevehandlinger/ny/")
    fill_card(employee.page, "Vi vælger selv barselsvikar", "Vikardækning ved barsel og langtidsfravær")
    employee.page.get_by_role("button", name="Gem").click()
    employee.page.wait_for_url("**/proevehandlinger/*/")
    url = employee.page.url
    employee.page.get_by_role("button", name="Bed lederen om godkendelse").click()
    employee.page.get_by_text("Lederen er bedt om at godkende den.").wait_for()
    employee.check()

    leader = open_page()
    log_in(leader, "leder@eksempel.dk")
    leader.page.goto(url)
    leader.check()
    leader.page.get_by_role("button", name="Godkend", exact=True).click()
    leader.page.get_by_text("Beslutningen er sendt til ejerne.").wait_for()
    leader.check()
    assert leader.page.get_by_text("I gang").first.is_visible()


def test_a_proposal_is_answered_and_another_rejected(open_page, demo):
    employee = open_page()
    log_in(employee, "medarbejder@eksempel.dk")
    employee.page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Forenkling").click()
    employee.check()
    urls = []
    for title in ["Ét skema til medicinlister", "Drop ugesedlen på papir"]:
        employee.goto("/proevehandlinger/forenkling/nyt/")
        employee.page.get_by_label("Titel").fill(title)
        employee.page.get_by_label("Hvad er problemet?").fill("Vi skriver det samme to steder.")
        employee.page.get_by_label("Hvad foreslår du?").fill("Brug kun det ene sted.")
        employee.page.get_by_label("Timer frigjort pr. måned (skøn)").fill("2")
        employee.page.get_by_label("Vores egen regel eller vane i teamet").check()
        employee.page.get_by_role("button", name="Send forslaget").click()
        employee.page.wait_for_url("**/forenkling/*/")
        employee.check()
        urls.append(employee.page.url)

    leader = open_page()
    log_in(leader, "leder@eksempel.dk")
    assert leader.page.get_by_role("heading", name="Forenklingsforslag, der venter på dit svar").is_visible()
    leader.page.goto(urls[0])
    leader.page.get_by_label("Gennemført").check()
    leader.page.get_by_label("Svar til forslagsstilleren").fill("Godt forslag – vi gør det fra næste uge.")
    leader.page.get_by_role("button", name="Gem og giv besked").click()
    leader.page.get_by_text("forslagsstilleren har fået besked").wait_for()
    leader.check()
    leader.page.goto(urls[1])
    leader.page.get_by_label("Afvist").check()
    leader.page.get_by_role("button", name="Gem og giv besked").click()
    leader.page.wait_for_load_state()
    leader.check()
    assert leader.page.locator('[data-module="error-summary"]').is_visible()
    leader.page.get_by_label("Svar til forslagsstilleren").fill("Ugesedlen er et krav fra tilsynet.")
    leader.page.get_by_role("button", name="Gem og giv besked").click()
    leader.page.get_by_text("forslagsstilleren har fået besked").wait_for()
    employee.goto("/notifikationer/")
    assert employee.page.get_by_role(
        "heading", name="Dit forenklingsforslag »Drop ugesedlen på papir«: Afvist"
    ).is_visible()
