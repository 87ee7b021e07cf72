"""The front page on a phone: "Må jeg selv?" is in view without scrolling, also with the welcome box of a
new employee and the checklist of a new leader loaded below it (issue 21)."""

from __future__ import annotations

import pytest

from tests.browser.test_main_flow import log_in

SMALL_PHONE = {"width": 360, "height": 640}


@pytest.mark.parametrize(
    ("email", "box"),
    [
        ("medarbejder@eksempel.dk", "Velkommen – her er dit råderum"),
        ("leder@eksempel.dk", "Din vej ind som leder af Plejecenter Solhaven"),
    ],
)
def test_can_i_is_above_the_fold_on_a_phone(open_page, transactional_db, email, box):
    from handlekraft.organisation.demo import build_all

    build_all()
    visit = open_page(viewport=SMALL_PHONE, is_mobile=True, has_touch=True)
    log_in(visit, email)
    page = visit.page
    page.get_by_role("region", name=box).wait_for()  # loaded after the page, below the search
    assert page.evaluate("window.scrollY") == 0
    field = page.get_by_role("search").get_by_role("textbox", name="Må jeg selv?")
    button = page.get_by_role("button", name="Søg i råderummet")
    for element in (field, button):
        place = element.bounding_box()
        assert place["y"] >= 0 and place["y"] + place["height"] <= SMALL_PHONE["height"], (email, place)
    field.fill("Må jeg selv ringe efter en vikar?")
    button.click()
    page.wait_for_url("**/raaderum/maa-jeg-selv/**")
    visit.check()
