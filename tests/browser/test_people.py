"""Issue 20 in the browser: a leader prints a one-time code for a colleague without e-mail, who signs in
with it at a shared PC; "Mine data" on the profile. Every page is checked with axe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.test_main_flow import log_in


@pytest.fixture
def demo(transactional_db):
    from handlekraft.organisation.demo import build_all

    return build_all()


def test_a_leader_prints_a_one_time_code_and_the_colleague_signs_in_with_it(open_page, demo, tmp_path):
    leader = open_page()
    log_in(leader, "leder@eksempel.dk")
    leader.goto("/organisation/enheder/SO-SOL-A/")
    page = leader.page
    page.get_by_role("link", name="Engangskoder til login for medarbejdere uden e-mail").click()
    page.wait_for_load_state()
    leader.check()
    page.get_by_role("button", name="Hent sedler til print (PDF)").click()  # nobody chosen
    page.get_by_text("Vælg mindst én person.").first.wait_for()
    leader.console_errors.clear()  # the browser logs the page's own 400 (a form with errors)
    leader.check()
    box = page.get_by_label("Birgit Køkken (ingen e-mail)")
    box.focus()
    page.keyboard.press("Space")  # by keyboard
    assert box.is_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent sedler til print (PDF)").click()
    saved = Path(tmp_path / "koder.pdf")
    download.value.save_as(saved)
    text = " ".join(p.extract_text() for p in PdfReader(saved).pages)
    code = re.search(r"Din engangskode:\s*(\S+)", text).group(1)

    at_pc = open_page()
    at_pc.goto("/login/")
    at_pc.page.get_by_role("link", name="Har du en engangskode fra din leder? Log ind med den").click()
    at_pc.page.wait_for_load_state()
    at_pc.check()
    at_pc.page.get_by_label("Din engangskode").fill("forkert")
    at_pc.page.get_by_role("button", name="Log ind").click()
    at_pc.page.get_by_text("Koden virker ikke").first.wait_for()
    at_pc.console_errors.clear()  # the page's own 400
    at_pc.check()
    at_pc.page.get_by_label("Din engangskode").fill(code)
    at_pc.page.get_by_role("button", name="Log ind").click()
    at_pc.page.wait_for_url(at_pc.base_url + "/")
    assert "Birgit Køkken" in at_pc.page.content()
    at_pc.check()


def test_mine_data_on_the_profile(open_page, demo):
    visit = open_page()
    log_in(visit, "medarbejder@eksempel.dk")
    visit.goto("/profil/")
    page = visit.page
    with page.expect_download() as download:
        page.get_by_role("link", name="Mine data som PDF").click()
    assert download.value.suggested_filename == "mine-data.pdf"
    page.get_by_label("Mine historier må blive, når jeg stopper").check()
    page.get_by_role("button", name="Gem valget").click()
    page.get_by_text("Dine historier bliver stående, når du stopper.").wait_for()
    visit.check()
    visit.goto("/profil/historier-efter-fratraedelse/", status=405)  # the button's address as a page
    assert page.get_by_role("heading", name="Siden kan ikke åbnes direkte").is_visible()
