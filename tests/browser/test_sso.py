"""Single sign-on end to end on a shared PC (issue 16): Chromium, handlekraft under gunicorn with
`DEBUG=0`, and a real OpenID provider (panva's certified oidc-provider, tests/oidc/provider.mjs) that
requires PKCE. Logging out ends the provider's session too, so the next person is asked for credentials;
people the municipality has not imported, or has deactivated, get a Danish message, never an error."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import AXE_TAGS
from tests.servers import free_port, manage, own_database, prepare_site, site_environment, start_gunicorn

pytestmark = pytest.mark.xdist_group("servers")

PROVIDER = Path(__file__).resolve().parent.parent / "oidc"
RENEW_SECONDS = 3
ACCOUNTS = {
    "sub-anders": {"email": "Ansat@Test.dk", "name": "Anders Ansat"},
    "sub-ukendt": {"email": "ukendt@test.dk", "name": "Ulla Ukendt"},
    "sub-gone": {"email": "gone@test.dk", "name": "Gitte Gået"},
    "sub-kim": {"name": "Kim Køkken", "employee_id": "P-KIM"},  # no work e-mail: found by employee key
}
PEOPLE = """
from handlekraft.organisation.models import User
User.objects.create_user("ansat@test.dk", name="Anders Ansat")
User.objects.create_user("gone@test.dk", name="Gitte Gået", is_active=False)
from handlekraft.organisation.models import Membership, Unit
kitchen = Unit.objects.create(external_id="KOEKKEN", name="Køkkenet", kind="afdeling")
kim = User.objects.create_user(None, name="Kim Køkken", external_id="P-KIM")
Membership.objects.create(user=kim, unit=kitchen, role="medarbejder")
"""
# HR prints the pulse's code slips (the people without e-mail get theirs this way); prints one code.
SLIP = """
from datetime import timedelta
from django.utils import timezone
from handlekraft.organisation.models import Unit
from handlekraft.pulse import services
from handlekraft.pulse.models import Item, Survey
today = timezone.localdate()
survey = Survey.objects.create(title="Puls", unit=Unit.objects.get(external_id="KOEKKEN"), opens=today,
                               closes=today + timedelta(days=7), round="2026Q4")
survey.items.set(Item.objects.filter(in_default_pulse=True)[:2])
[(unit, code)] = services.make_codes(survey)
print(code)
"""


def start_provider(port: int, app: str, folder: Path) -> subprocess.Popen:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node:
        pytest.skip("no Node.js for the OpenID provider (apt-get install nodejs npm)")
    if not (PROVIDER / "node_modules" / "oidc-provider").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=PROVIDER, check=True)
    process = subprocess.Popen(
        [node, "provider.mjs", str(port), f"{app}/oidc/callback/", f"{app}/login/"],
        cwd=PROVIDER,
        env={"PATH": "/usr/bin:/bin", "OP_ACCOUNTS": json.dumps(ACCOUNTS)},
        stdout=subprocess.DEVNULL,
        stderr=(folder / "provider.log").open("w"),
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/.well-known/openid-configuration"):
                return process
        except OSError:
            assert process.poll() is None, (folder / "provider.log").read_text()
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the OpenID provider did not start")


@pytest.fixture(scope="session")  # kept when xdist runs another module of the group in between
def sso(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sso")
    app_port, op_port = free_port(), free_port()
    app, op = f"http://127.0.0.1:{app_port}", f"http://localhost:{op_port}"
    provider = start_provider(op_port, app, folder)
    with own_database(folder) as database_url:
        env = site_environment(
            database_url,
            folder,
            OIDC_RP_CLIENT_ID="handlekraft",
            OIDC_RP_CLIENT_SECRET="test-secret-for-the-sso-tests",
            OIDC_OP_AUTHORIZATION_ENDPOINT=f"{op}/auth",
            OIDC_OP_TOKEN_ENDPOINT=f"{op}/token",
            OIDC_OP_USER_ENDPOINT=f"{op}/me",
            OIDC_OP_JWKS_ENDPOINT=f"{op}/jwks",
            OIDC_OP_LOGOUT_ENDPOINT=f"{op}/session/end",
            OIDC_RENEW_SECONDS=str(RENEW_SECONDS),
            OIDC_EMPLOYEE_KEY_CLAIM="employee_id",
        )
        prepare_site(env)
        manage(env, "shell", "-c", PEOPLE)
        server = start_gunicorn(env, folder, workers=2, port=app_port)
        try:
            yield type("SSO", (), {"app": app, "op": op, "env": env})
        finally:
            server.stop()
            provider.terminate()
            provider.wait(10)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()


def press_sso_login(page, sso) -> None:
    page.goto(sso.app + "/login/")
    page.get_by_role("link", name="Log ind med kommunens login").click()
    page.wait_for_load_state()


def sign_in_at_provider(page, login: str) -> None:
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("hvad-som-helst")
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()


def asks_for_credentials(page) -> bool:
    return page.locator("input[name=login]").count() == 1


def no_axe_violations(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_logging_out_ends_the_providers_session_so_the_next_person_is_asked(page, sso):
    press_sso_login(page, sso)
    assert asks_for_credentials(page)
    sign_in_at_provider(page, "sub-anders")
    assert page.url == sso.app + "/"
    assert "Anders Ansat" in page.content()
    authorize = next(url for url in page.requests_seen if url.startswith(sso.op + "/auth"))
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43

    page.locator("button.log-off:visible").first.click()
    page.wait_for_load_state()
    end_session = next(url for url in page.requests_seen if url.startswith(sso.op + "/session/end"))
    assert "id_token_hint=" in end_session
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(sso.app + "/login/")

    # The next person at the PC presses the same button and is asked who they are.
    press_sso_login(page, sso)
    assert asks_for_credentials(page)


def test_without_the_providers_logout_the_next_person_would_walk_straight_in(page, sso):
    """The contrast that shows what the logout above prevents: ending only our own session (as before)
    leaves the provider's, and the next press of the button signs the previous person in."""
    press_sso_login(page, sso)
    sign_in_at_provider(page, "sub-anders")
    page.context.clear_cookies(domain="127.0.0.1")
    press_sso_login(page, sso)
    assert page.url == sso.app + "/" and "Anders Ansat" in page.content()


def test_someone_not_imported_gets_a_danish_message(page, sso):
    press_sso_login(page, sso)
    sign_in_at_provider(page, "sub-ukendt")
    assert page.url == sso.app + "/login/"
    assert "du findes ikke i handlekraft endnu" in page.content()
    no_axe_violations(page)


def test_a_deactivated_person_gets_a_message_not_an_error(page, sso):
    press_sso_login(page, sso)
    sign_in_at_provider(page, "sub-gone")
    assert page.url == sso.app + "/login/"
    assert "Din adgang til handlekraft er lukket" in page.content()


def test_a_session_ended_at_the_provider_ends_here_at_the_next_check(page, sso):
    press_sso_login(page, sso)
    sign_in_at_provider(page, "sub-anders")
    assert "Anders Ansat" in page.content()
    # Signed out at the provider (in another tab, or by the municipality's own portal).
    page.goto(sso.op + "/session/end")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_load_state()
    time.sleep(RENEW_SECONDS + 0.5)
    page.goto(sso.app + "/")
    page.wait_for_url(sso.app + "/login/")
    assert "Du er logget ud hos kommunens login" in page.content()
    page.goto(sso.app + "/")
    assert page.url.startswith(sso.app + "/login/")  # signed out here as well


def test_staff_without_email_sign_in_by_employee_key_and_answer_from_a_printed_slip(page, sso):
    press_sso_login(page, sso)
    sign_in_at_provider(page, "sub-kim")
    assert page.url == sso.app + "/" and "Kim Køkken" in page.content()
    no_axe_violations(page)
    code = manage(sso.env, "shell", "-c", SLIP).strip().splitlines()[-1]
    page.goto(sso.app + "/puls/")
    page.get_by_label("Din svarkode").fill(code)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Send mine svar").wait_for()
    no_axe_violations(page)
    page.get_by_role("group").first.get_by_label("Enig", exact=True).check()
    page.get_by_role("button", name="Send mine svar").click()
    page.get_by_role("heading", name="Tak for dine svar").wait_for()
