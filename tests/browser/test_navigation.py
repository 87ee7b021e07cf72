"""The navigation keeps one line whatever the unread count, on a desktop and a phone (issue 21)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from tests.browser.test_main_flow import log_in

SIZES = [(1366, 768), (1024, 768), (390, 844)]


def bar_heights(visit) -> dict:
    return visit.page.evaluate(
        """() => {
          const height = (selector) => {
            const element = document.querySelector(selector);
            return element && element.offsetParent !== null ? element.getBoundingClientRect().height : 0;
          };
          return {top: height('.portal-info'), menu: height('.navigation-menu')};
        }"""
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_unread_count_sits_beside_notifications_and_no_bar_grows(open_page, municipality, size, tmp_path):
    from handlekraft.notifications.services import notify
    from handlekraft.organisation.models import User

    width, height = size
    visit = open_page(viewport={"width": width, "height": height})
    log_in(visit, "hr@eksempel.dk")  # HR has the longest menu (Administration too)
    page = visit.page
    without = bar_heights(visit)
    assert page.locator("#unread-count").count() == 0
    hr = User.objects.get(email="hr@eksempel.dk")
    for n in range(128):
        notify([hr], "announcement", f"Meddelelse {n}")
    visit.goto("/organisation/")
    with_badge = bar_heights(visit)
    assert with_badge == without, (size, without, with_badge)  # no bar grows with a badge
    if width > 991:  # the desktop menu: one line, as tall as one of its links
        link = page.locator(".navigation-menu .nav-link").first.bounding_box()
        assert with_badge["menu"] <= link["height"] + 2, (with_badge, link)
    badge = page.locator("#unread-count")
    assert badge.is_visible() and badge.inner_text().startswith("128")
    link = page.get_by_role("link", name="Notifikationer 128 ulæste").bounding_box()
    box = badge.bounding_box()
    assert (
        link["y"] - 1 <= box["y"] and box["y"] + box["height"] <= link["y"] + link["height"] + 1
    )  # one line
    assert box["y"] + box["height"] <= with_badge["top"]  # in the top bar, in view on every page
    shot = page.screenshot()
    (tmp_path / f"nav-{width}.png").write_bytes(shot)
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    # The badge is drawn: its square holds the badge's light blue behind the dark number.
    crop = image.crop(
        (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
    )
    colours = set(crop.getdata())
    assert len(colours) > 3
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name="Notifikationer 128 ulæste").click()
    page.wait_for_url("**/notifikationer/")
    assert (
        page.get_by_role("link", name="Notifikationer", exact=False).get_attribute("aria-current") == "page"
    )
    visit.check()


def test_the_page_that_turns_an_email_off_passes_axe_and_works_by_keyboard(visit, municipality):
    from handlekraft.notifications import unsubscribe
    from handlekraft.notifications.models import EmailPreference
    from handlekraft.organisation.models import User

    employee = User.objects.get(email="medarbejder@eksempel.dk")
    path = reverse("email-unsubscribe", args=[unsubscribe.token(employee.pk, "story_digest")])
    visit.goto(path)  # not signed in: from the e-mail
    page = visit.page
    button = page.get_by_role("button", name="Ja, stop disse e-mails")
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Du får ikke længere e-mails om").wait_for()
    visit.check()
    assert EmailPreference.objects.get(user=employee, kind="story_digest").email is False
    visit.goto("/notifikationer/fravalg/ugyldig/", status=404)
