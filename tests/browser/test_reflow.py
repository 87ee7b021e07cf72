"""WCAG 1.4.10 Reflow: every page reads at 320 CSS px (a phone, or 400 % zoom on a laptop) and at 640 px
(200 % zoom) without scrolling sideways. A wide table may scroll inside its own box; the page may not."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.key_pages import key_pages

WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'fixed'
      && !e.closest('.table-scroll, .sr-only, .skipnav');
  });
  const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '');
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 3).map(name)};
}"""


@pytest.fixture
def whole_demo(transactional_db):
    with override_settings(DEBUG=True):
        call_command("demo", verbosity=0)


def test_every_page_reflows_without_sideways_scrolling(open_page, whole_demo):
    """Each page loaded once at 320 px, then measured again at 640 px."""
    pages = key_pages()
    visits = {}
    sideways = []
    for who, path in pages:
        if who not in visits:
            visits[who] = open_page(viewport={"width": 320, "height": 640})
            if who is not None:
                log_in(visits[who], who)
        visit = visits[who]
        visit.page.set_viewport_size({"width": 320, "height": 640})
        visit.page.goto(visit.base_url + path)
        visit.page.wait_for_load_state("load")
        for width in (320, 640):
            visit.page.set_viewport_size({"width": width, "height": 640})
            measured = visit.page.evaluate(WIDE)
            if measured["scroll"] > measured["width"]:
                sideways.append(f"{path} ({who}) at {width} px: {measured}")
    assert len(visits) == 4 and len(pages) >= 60
    assert sideways == [], "\n".join(sideways)


def test_a_wide_table_scrolls_in_a_named_box_that_the_keyboard_reaches(open_page, whole_demo):
    visit = open_page(viewport={"width": 320, "height": 640})
    log_in(visit, "hr@eksempel.dk")
    visit.goto("/plan/onboarding/")
    page = visit.page
    box = page.locator(".table-scroll").first
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label") == "Nye lederes onboarding"  # the heading above the table
    box.focus()
    page.keyboard.press("ArrowRight")
    expect(box).not_to_have_js_property("scrollLeft", 0)
    # At a width where the table fits, the box is neither focusable nor a region: no empty tab stop.
    page.set_viewport_size({"width": 1920, "height": 900})
    visit.goto("/maaling/")
    expect(box).to_be_attached()
    assert box.get_attribute("tabindex") is None and box.get_attribute("role") is None
    visit.check()
