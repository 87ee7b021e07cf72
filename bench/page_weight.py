"""What each key page costs a phone on the wire, first visit (empty cache) and next page (cache warm).

    .venv/bin/python bench/page_weight.py

The demo municipality (`manage.py demo`) on a fresh SQLite file, served by gunicorn as the tests start it
(`tests/servers.py`: gunicorn.conf.py, DEBUG=0, collectstatic: compressed static files, gzip for HTML), read by
Debian's Chromium through Playwright at a phone's viewport. A page's weight is the sum of the
`transferSize` of the document and of every resource it loads (headers included). Target (issue 18):
every page ≤ 250 KB on the wire.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
TARGET_KB = 250

from tests.servers import manage, prepare_site, site_environment, start_gunicorn  # noqa: E402

SESSIONS = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from handlekraft.dialogue.models import Meeting
from handlekraft.pulse.models import Survey
for email in ["medarbejder@eksempel.dk", "leder@eksempel.dk", "hr@eksempel.dk"]:
    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    print(email.split("@")[0], session.session_key)
print("meeting", Meeting.objects.get(join_code="SOL234").pk)
print("survey", Survey.objects.filter(closed_at__isnull=False).order_by("-opens").first().pk)
"""


def pages(ids: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, who, path) for the key pages."""
    return [
        ("Forside", "medarbejder", "/"),
        ("Må jeg selv?", "medarbejder", "/raaderum/maa-jeg-selv/?q=vikar"),
        ("Enhedens råderum", "leder", "/raaderum/enheder/SO-SOL/"),
        ("Organisation", "medarbejder", "/organisation/"),
        ("Historier", "medarbejder", "/historier/"),
        ("Historier: søgning", "medarbejder", "/historier/?q=borger"),
        ("Ny historie", "medarbejder", "/historier/ny/"),
        ("Dialogmødets tavle", "leder", f"/dialog/{ids['meeting']}/"),
        ("Deltagersiden (uden login)", "", "/m/SOL234/"),
        ("Måling: resultater", "leder", f"/maaling/{ids['survey']}/?enhed=SO-SOL"),
        ("Måling: HU (kommunen)", "hr", f"/maaling/{ids['survey']}/?enhed=EK"),
        ("Status på aktørskab", "hr", "/plan/status/"),
        ("Plan", "leder", "/plan/"),
        ("Notifikationer", "medarbejder", "/notifikationer/"),
    ]


def sessions(env: dict[str, str]) -> dict[str, str]:
    """Signed-in sessions for the demo's employee, leader and HR, and the ids the pages need."""
    return dict(line.split() for line in manage(env, "shell", "-v", "0", "-c", SESSIONS).strip().splitlines())


WEIGHT = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map(e => [e.name, e.transferSize]);
}"""


def weigh(browser, base: str, path: str, session: str, warm_from: str | None = None) -> tuple[int, list]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    if session:
        context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    page = context.new_page()
    if warm_from:  # another page first: what is cached stays cached
        page.goto(base + warm_from, wait_until="networkidle")
    page.goto(base + path, wait_until="networkidle")
    entries = page.evaluate(WEIGHT)
    context.close()
    return sum(size for _name, size in entries), entries


def main() -> None:
    folder = OUT / "page-weight"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = site_environment(f"sqlite:///{folder / 'site.sqlite3'}", folder)
    prepare_site(env, demo=True)
    ids = sessions(env)
    server = start_gunicorn(env, folder)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            print(f"| page | first visit | of which fonts | next page (cache warm) | ≤ {TARGET_KB} KB |")
            print("|---|---|---|---|---|")
            for name, who, path in pages(ids):
                session = ids.get(who, "")
                cold, entries = weigh(browser, server.url, path, session)
                fonts = sum(size for url, size in entries if url.endswith((".woff2", ".woff", ".ttf")))
                warm, _ = weigh(browser, server.url, path, session, warm_from="/tilgaengelighed/")
                ok = "yes" if cold <= TARGET_KB * 1000 else "NO"
                print(
                    f"| {name} | {cold / 1000:.0f} KB | {fonts / 1000:.0f} KB | {warm / 1000:.1f} KB | {ok} |",
                    flush=True,
                )
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
