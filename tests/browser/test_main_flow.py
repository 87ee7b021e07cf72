"""A newcomer's first walk: login → front page → organisation → unit → English → logout."""

from __future__ import annotations

from handlekraft.organisation import demo


def log_in(visit, email: str):
    visit.goto("/")  # redirected to the login page
    page = visit.page
    assert page.url.endswith("/login/?next=/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(visit.base_url + "/")
    visit.check()


def test_employee_walks_through_organisation_and_language_and_logs_out(visit, municipality):
    page = visit.page
    log_in(visit, "medarbejder@eksempel.dk")
    assert page.get_by_role("heading", level=1).inner_text() == "Goddag, Mads"
    assert page.get_by_role("link", name="Solhaven, afsnit A").is_visible()

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Organisation").click()
    page.wait_for_url("**/organisation/")
    solhaven = page.get_by_role("link", name="Plejecenter Solhaven", exact=True)
    assert not solhaven.is_visible()  # the areas only, at first
    summary = page.get_by_text("enheder under Sundhed og omsorg")
    summary.focus()
    page.keyboard.press("Enter")  # the area's units open in place
    solhaven.wait_for()
    assert page.get_by_text("enheder under Plejecenter Solhaven").is_visible()
    visit.check()
    page.get_by_label("Søg efter enhed eller person (leder, TR, AMR)").fill("Solhaven")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisation/?q=Solhaven")
    visit.check()

    page.get_by_role("link", name="Plejecenter Solhaven").first.click()
    page.wait_for_url("**/organisation/enheder/SO-SOL/")
    visit.check()
    assert page.get_by_text("Lene Holm").first.is_visible()
    assert page.get_by_role("link", name="LMU Plejecenter Solhaven").is_visible()

    page.get_by_role("link", name="LMU Plejecenter Solhaven").click()
    visit.check()
    assert page.get_by_role("heading", name="Medarbejdersiden").is_visible()

    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    visit.check()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Employee side").is_visible()

    page.get_by_role("link", name="My profile").first.click()
    visit.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Dansk").click()
    assert page.locator("html").get_attribute("lang") == "da"

    page.get_by_role("button", name="Log af").click()
    page.wait_for_url("**/login/")
    visit.check()


def test_leader_sees_front_page_notifications_and_profile(visit, municipality):
    page = visit.page
    log_in(visit, "leder@eksempel.dk")
    assert page.get_by_text("LMU Plejecenter Solhaven").is_visible()
    page.get_by_role("banner").get_by_role("link", name="Notifikationer").click()
    visit.check()
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Min profil").click()
    visit.check()
    page.get_by_label("Hvad skal nøglen bruges til?").fill("Rapport")
    page.get_by_role("button", name="Opret API-nøgle").click()
    visit.check()
    assert page.locator("#new-token").inner_text().startswith("hk_")


def test_errors_are_shown_next_to_the_field_and_in_the_summary(visit, municipality):
    page = visit.page
    visit.goto("/login/")
    with page.expect_navigation():
        page.get_by_role("button", name="Log ind").click()
    visit.check()
    summary = page.locator('[data-module="error-summary"]')
    assert summary.is_visible()
    field = page.get_by_label("E-mail")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_username-error" in field.get_attribute("aria-describedby")


def test_keyboard_skip_link_and_login_by_keyboard(visit, municipality):
    page = visit.page
    visit.goto("/login/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.get_by_label("E-mail").focus()
    page.keyboard.type("hr@eksempel.dk")
    page.keyboard.press("Tab")
    page.keyboard.type(demo.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(visit.base_url + "/")
    visit.check()
    assert page.get_by_role("link", name="Administration").first.is_visible()


def test_static_pages_are_accessible(visit, municipality):
    for path in ["/tilgaengelighed/", "/privatliv/", "/adgangskode/nulstil/", "/login/"]:
        visit.goto(path)
    visit.goto("/findes-ikke/", status=404)
    assert visit.page.get_by_role("heading", name="Siden findes ikke").is_visible()


def test_pages_fetch_two_fonts_as_woff2_only(visit, municipality):
    fonts: list[str] = []
    visit.page.on("request", lambda r: r.resource_type == "font" and fonts.append(r.url.rsplit("/", 1)[-1]))
    log_in(visit, "medarbejder@eksempel.dk")  # the front page has headings and bold text
    visit.page.evaluate("document.fonts.ready")
    assert fonts and all(".woff2" in name for name in fonts), fonts
    assert {name.split(".")[0] for name in fonts} == {"IBMPlexSans-Regular", "IBMPlexSans-SemiBold"}, fonts
    weight = visit.page.evaluate("getComputedStyle(document.querySelector('strong, b, h1')).fontWeight")
    assert int(weight) >= 600  # bold still reads as bold


def test_on_a_phone_the_menu_opens_and_logout_is_reachable(open_page, municipality):
    visit = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = visit.page
    log_in(visit, "amr@eksempel.dk")
    page.get_by_role("button", name="Menu").click()
    drawer = page.get_by_role("dialog", name="Menu")
    drawer.get_by_role("link", name="Organisation").click()
    page.wait_for_url("**/organisation/")
    visit.check()
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("dialog", name="Menu").get_by_role("button", name="Log af").click()
    page.wait_for_url("**/login/")


def test_hr_imports_the_organisation_and_follows_the_progress(visit, municipality, tmp_path):
    page = visit.page
    log_in(visit, "hr@eksempel.dk")
    units = tmp_path / "UNITS.csv"
    units.write_text(
        "external_id,name,parent_external_id,kind\nSO-NY,Nyt plejecenter,SO,afdeling\n", encoding="utf-8"
    )
    page.goto(visit.base_url + "/admin/organisation/unit/import/")
    page.set_input_files("#id_units", str(units))
    page.get_by_role("button", name="Start importen").click()
    page.wait_for_url("**/job/**")
    visit.check()
    assert page.get_by_role("progressbar").get_attribute("value") == "100"
    assert page.get_by_text("Enheder: 1 oprettet").is_visible()


def test_the_api_documentation_can_be_tried_by_keyboard(visit, municipality):
    page = visit.page
    log_in(visit, "leder@eksempel.dk")
    page.get_by_role("link", name="API-dokumentation").click()
    page.wait_for_url("**/api/")
    visit.check()
    page.get_by_role("textbox", name="external_id").fill("SO-SOL")
    page.get_by_role("button", name="Prøv GET /api/v1/units/{external_id}").press("Enter")
    response = page.locator(".api-response").first
    response.wait_for()
    assert '"name": "Plejecenter Solhaven"' in response.inner_text()
    visit.check()
