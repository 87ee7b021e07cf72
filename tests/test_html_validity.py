"""Every key page validates in the Nu HTML Checker (vnu.jar, run with Java) with 0 errors (issue 21).

htmx attributes are written as data-hx-*, which HTML allows; the checker also finds what axe does not
(a stray end tag, an id twice, an attribute a element may not have)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from tests.key_pages import key_pages

VNU = Path(__file__).parent / "html" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(files: list[Path]) -> list[dict]:
    """The checker's errors (not its warnings or notes) for these files, in one run of the JVM."""
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


@pytest.fixture
def checker():
    missing = None
    if shutil.which("java") is None:
        missing = "no Java: apt-get install default-jre-headless"
    elif not VNU.exists():
        missing = "no vnu.jar: make test installs it (npm ci --prefix tests/html)"
    if missing and os.environ.get("CI"):
        pytest.fail(missing + " (.ci/run installs both)")
    if missing:
        pytest.skip(missing)


def test_the_checker_finds_an_error_when_there_is_one(checker, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="da"><title>x</title><p hx-get="/a">x</div>')
    messages = [m["message"] for m in nu_errors([page])]
    assert any("hx-get" in m for m in messages) and any("div" in m for m in messages), messages


@pytest.mark.django_db
@override_settings(DEBUG=True)  # `manage.py demo` refuses to run otherwise
def test_every_key_page_has_no_errors_in_the_nu_html_checker(checker, tmp_path):
    from handlekraft.organisation.models import User

    call_command("demo", verbosity=0, stdout=io.StringIO())
    pages = key_pages()
    assert len(pages) >= 60
    clients: dict[str | None, Client] = {None: Client()}
    files, unreadable = [], []
    for n, (who, path) in enumerate(pages):
        if who not in clients:
            clients[who] = Client()
            clients[who].force_login(User.objects.get(email=who))
        response = clients[who].get(path, follow=True)  # ("Råderum" opens the person's own unit)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            unreadable.append((who, path, response.status_code))
            continue
        file = tmp_path / f"{n:03d}.html"
        file.write_bytes(response.content)
        files.append(file)
    assert unreadable == [], unreadable
    errors = nu_errors(files)
    by_page = {str(f): path for f, (_who, path) in zip(files, pages, strict=True)}
    report = [
        f"{by_page[e['url'].removeprefix('file:')]}: {e['message']} ({e.get('extract', '')!r})"
        for e in errors
    ]
    assert report == [], "\n".join(report[:40])
