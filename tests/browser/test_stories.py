"""Historier in the browser: write → consent → publish, recognise, a learning story, hide with a reason,
and axe on every page of the module."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit
from tests.browser.test_main_flow import log_in


@pytest.fixture
def demo(transactional_db):
    from importlib import import_module

    from handlekraft.organisation import demo as org_demo

    org = org_demo.build()
    for app in ("mandates", "experiments", "stories"):
        import_module(f"handlekraft.{app}.demo").build(org)
    return org


def person(open_page, email: str) -> Visit:
    visit = open_page()
    log_in(visit, email)
    return visit


def test_write_consent_publish(open_page, demo):
    author = person(open_page, "medarbejder@eksempel.dk")
    page = author.page
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Historier").click()
    author.check()
    page.get_by_role("link", name="Fortæl en historie").first.click()
    author.check()
    page.get_by_label("Overskrift").fill("Vi byttede opgaver på tværs af afsnittene")
    page.get_by_label("Hvad skete der?").fill("Tina kom over fra afsnit B og hjalp med aftensmaden.")
    page.get_by_label("Hvad betød det for borgerne eller kollegerne?").fill("Ingen ventede på maden.")
    colleagues = page.get_by_role("group", name="Kolleger, der nævnes i historien")
    colleagues.get_by_role("searchbox").fill("tina")  # the colleagues are found by name, not listed
    colleagues.get_by_label("Tina Rasmussen").check()
    page.get_by_label("Arbejdsfællesskab og opgavepraksis").check()
    page.get_by_role("button", name="Del historien").click()
    page.get_by_text("Historien er sendt til de kolleger, du nævner.").wait_for()
    author.check()
    url = page.url

    colleague = person(open_page, "tr@eksempel.dk")
    colleague.page.goto(colleague.base_url + "/historier/mine/")
    colleague.check()
    colleague.page.get_by_role("link", name="Vi byttede opgaver på tværs af afsnittene").click()
    colleague.check()
    colleague.page.get_by_role("button", name="Ja, den må deles").click()
    colleague.page.get_by_text("Du har givet samtykke til historien.").wait_for()
    colleague.check()

    page.goto(url)
    author.check()
    assert page.get_by_text("Offentliggjort").count() == 0  # no status box once published
    page.goto(author.base_url + "/historier/")
    assert page.get_by_role("link", name="Vi byttede opgaver på tværs af afsnittene").is_visible()


def test_recognise_with_the_keyboard_and_the_author_sees_who(open_page, demo):
    leader = person(open_page, "hr@eksempel.dk")
    page = leader.page
    page.goto(leader.base_url + "/historier/?q=vikaren")
    leader.check()
    page.get_by_role("link", name="Vi valgte selv vikaren – og aftenen blev rolig").click()
    leader.check()
    note = page.get_by_label("En personlig hilsen til fortælleren")
    note.fill("Tak for at vise, hvordan råderummet bruges.")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Det dér er godt aktørskab!"
    page.keyboard.press("Enter")
    page.get_by_text("Fortælleren får besked om din anerkendelse.").wait_for()
    leader.check()
    assert page.get_by_role("button", name="Fortryd din anerkendelse").is_visible()

    author = person(open_page, "medarbejder@eksempel.dk")
    author.page.goto(page.url)
    author.check()
    assert author.page.get_by_text("Tak for at vise, hvordan råderummet bruges.").is_visible()
    assert author.page.get_by_text("Hanne Riis").first.is_visible()


def test_a_learning_story_needs_its_learning(visit, demo):
    page = visit.page
    log_in(visit, "amr@eksempel.dk")
    visit.goto("/historier/ny/")
    page.get_by_label("Lærende historie").check()
    page.get_by_label("Overskrift").fill("Aftenmaden kom for sent")
    page.get_by_label("Hvad skete der?").fill(
        "Køkkenet fik bestillingen for sent, fordi listen lå på kontoret."
    )
    page.get_by_role("button", name="Del historien").click()
    page.get_by_text("Skriv, hvad I lærte.").first.wait_for()
    visit.check()  # the error summary and the message next to the field pass axe too
    page.get_by_label("Hvad lærte vi?").fill("Listen hænger nu i køkkenet, og vi tjekker den kl. 15.")
    page.get_by_role("button", name="Del historien").click()
    page.get_by_text("Tak fordi du delte historien.").wait_for()
    visit.check()
    assert page.get_by_role("heading", name="Hvad lærte vi?").is_visible()


def test_hide_with_a_reason(open_page, demo):
    leader = person(open_page, "leder@eksempel.dk")
    page = leader.page
    page.goto(leader.base_url + "/historier/?q=tavlem%C3%B8det")
    page.get_by_role("link", name="Tavlemødet gav os ti minutter mere sammen med beboerne").click()
    leader.check()
    page.get_by_role("button", name="Skjul med begrundelse").click()
    page.get_by_text("Dette felt er påkrævet").first.wait_for()
    leader.check()
    page.get_by_label("Begrundelse").fill("En beboer kan genkendes. Ret teksten, så viser jeg den igen.")
    page.get_by_role("button", name="Skjul med begrundelse").click()
    page.get_by_text("Historien er skjult. Fortælleren har fået din begrundelse.").wait_for()
    leader.check()
    assert page.get_by_role("heading", name="Log").is_visible()

    author = person(open_page, "tr@eksempel.dk")
    author.page.goto(page.url)
    author.check()
    assert author.page.get_by_text("En beboer kan genkendes.").first.is_visible()


def test_every_page_of_the_module_passes_axe(visit, demo):
    from handlekraft.experiments.models import Experiment
    from handlekraft.stories.models import Story

    log_in(visit, "medarbejder@eksempel.dk")
    story = Story.objects.get(title="Vi valgte selv vikaren – og aftenen blev rolig")
    experiment = Experiment.objects.get(title="Fast tur til havnen hver torsdag")
    for path in [
        "/historier/",
        "/historier/?slags=learning&tema=praksis&fag=sosu&min_enhed=on",
        "/historier/?q=borger&fra=2026-01-01",
        "/historier/fag/",
        "/historier/fag/sosu/?slags=citizen",
        "/historier/mine/",
        "/historier/abonner/",
        story.get_absolute_url(),
        f"/historier/{story.pk}/rediger/",
        f"/historier/ny/?proevehandling={experiment.pk}",
        story.decision_area.get_absolute_url(),
        experiment.get_absolute_url(),
        "/organisation/enheder/SO-SOL-A/",
        "/",
    ]:
        visit.goto(path)
    visit.goto("/historier/abonner/")
    visit.page.get_by_role("button", name="Lav min feed-adresse").click()
    visit.page.get_by_label("Feed-adresse").wait_for()
    visit.check()


def test_on_a_phone_colleagues_and_professions_are_found_by_typing(open_page, demo, tmp_path):
    """Not 60 checkboxes: a search box per list shows what matches, by keyboard, and keeps the chosen."""
    from handlekraft.stories.models import Profession, StoryPerson

    author = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    log_in(author, "medarbejder@eksempel.dk")
    author.goto("/historier/ny/")
    page = author.page
    colleagues = page.get_by_role("group", name="Kolleger, der nævnes i historien")
    boxes = colleagues.locator("input[type=checkbox]")
    assert boxes.count() > 5 and all(not b.is_visible() for b in boxes.all())  # none shown before typing
    search = colleagues.get_by_role("searchbox", name=f"Søg blandt {boxes.count()}")
    search.focus()
    page.keyboard.type("ras")
    assert [
        b.get_attribute("id") for b in boxes.all() if b.is_visible()
    ]  # Tina Rasmussen, and who else matches
    assert colleagues.get_by_text("passer, 0 valgt.").is_visible()
    page.keyboard.press("Tab")  # from the search box to the first match
    page.keyboard.press("Space")
    chosen = page.evaluate("document.activeElement.labels[0].textContent")
    search.fill("")
    visible = [b for b in boxes.all() if b.is_visible()]
    assert len(visible) == 1 and visible[0].is_checked()  # the chosen colleague stays in view
    assert colleagues.get_by_text("1 valgt.").is_visible()
    professions = page.get_by_role("group", name="Fagområder")
    professions.get_by_role("searchbox").fill("sygepl")
    professions.get_by_label("Sygeplejersker").check()
    for group in (colleagues, professions):  # a search box and what is chosen: short on a phone
        assert group.bounding_box()["height"] < 320, group.bounding_box()
    page.screenshot(path=str(tmp_path / "story-form-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    author.check()
    page.get_by_label("Overskrift").fill("Vi fandt en løsning sammen")
    page.get_by_label("Hvad skete der?").fill("Vi talte om det i vagten og prøvede noget nyt.")
    page.get_by_label("Hvad betød det for borgerne eller kollegerne?").fill("Roligere aftener.")
    page.get_by_role("button", name="Gem som kladde").click()
    page.get_by_text("Historien er gemt som kladde.").wait_for()
    person = StoryPerson.objects.get(story__title="Vi fandt en løsning sammen")
    assert person.user.name == chosen.strip()
    assert list(person.story.professions.all()) == [Profession.objects.get(name="Sygeplejersker")]
