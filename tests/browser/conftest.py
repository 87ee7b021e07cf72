"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) against the live server.

Every page a test visits is checked with axe-core for WCAG 2.1 A/AA violations; console errors
and any request that would leave the machine fail the test.
"""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(live_server):
    # Set up after the live server, so closed before it stops: a connection Chromium still holds would
    # otherwise be closed by a server thread after the server gave back the shared test database.
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}; .ci/run installs Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests still use the ORM synchronously.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


class Visit:
    """A page with the checks every visit needs: axe, console errors and outside requests."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.console_errors: list[str] = []
        self.outside_requests: list[str] = []
        host = urlsplit(base_url).netloc
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))

        def guard(route):
            url = route.request.url
            if urlsplit(url).netloc != host and not url.startswith("data:"):
                self.outside_requests.append(url)
                return route.abort()
            return route.continue_()

        page.route("**/*", guard)

    def goto(self, path: str, status: int = 200):
        response = self.page.goto(self.base_url + path)
        assert response.status == status, (path, response.status)
        if status >= 400:  # the browser reports the page's own error status on the console
            self.console_errors = [e for e in self.console_errors if f"status of {status}" not in e]
        self.check()

    def check(self):
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("networkidle")
        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert results.violations_count == 0, f"{self.page.url}\n{results.generate_report()}"
        assert self.console_errors == [], self.console_errors
        assert self.outside_requests == [], self.outside_requests


@pytest.fixture
def municipality(transactional_db):
    """The demo municipality's organisation (organisation/demo.py)."""
    from handlekraft.organisation import demo

    return demo.build()


@pytest.fixture
def visit(browser, live_server, transactional_db):
    # Depends on the database fixture, so the page closes before the database is emptied (see open_page).
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    yield Visit(page, live_server.url)
    context.close()


@pytest.fixture
def open_page(browser, live_server, transactional_db):
    """open_page(**context_options) → a Visit in a fresh browser context, closed when the test ends.

    Closing matters for pages that poll (the dialogue board): a poll arriving while the test database
    is being emptied fails the test's teardown.
    """
    contexts = []

    def make(**options) -> Visit:
        context = browser.new_context(**{"locale": "da-DK", **options})
        contexts.append(context)
        return Visit(context.new_page(), live_server.url)

    yield make
    for context in contexts:
        context.close()
