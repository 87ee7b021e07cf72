"""/healthz, /readyz, security headers and the production deploy check."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_healthz_answers_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client().get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


@pytest.mark.django_db
def test_readyz_answers_when_the_database_does():
    assert Client().get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_is_gone(monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = Client().get("/readyz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_pages_carry_a_csp_without_unsafe_inline_and_other_headers():
    response = Client().get("/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_pages_are_sent_compressed_to_browsers_that_accept_it():
    plain = Client().get("/login/")
    packed = Client().get("/login/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    page = gzip.decompress(packed.content).decode()
    assert "<form" in page and len(packed.content) < len(plain.content) / 2


@pytest.mark.django_db
def test_no_inline_scripts_or_styles_in_the_login_page():
    html = Client().get("/login/").content.decode()
    assert 'style="' not in html
    for chunk in html.split("<script")[1:]:
        head, _, rest = chunk.partition(">")
        assert "src=" in head, head
        assert rest.startswith("</script>")


# What a production process must not inherit from the test run (the test settings module among them).
PRODUCTION_UNSET = ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unwanted = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE")
    clean = {k: v for k, v in os.environ.items() if k not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "q8Zr" * 10,
        ALLOWED_HOSTS="handlekraft.kommune.dk",
        EMAIL_URL="smtp://relay.kommune.dk:587",
    )
    assert result.returncode == 0, result.stdout + result.stderr


SHOW_CONNECTION = (
    "from django.db import connection as c; d = c.settings_dict; "
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)


def test_gunicorn_in_the_project_folder_runs_the_production_setup():
    shown = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config"], cwd=ROOT, capture_output=True, text=True
    )
    config = dict(line.split(" = ", 1) for line in shown.stdout.splitlines() if " = " in line)
    setup = {k.strip(): v.strip() for k, v in config.items()}
    assert setup["worker_class"] == "gthread" and setup["threads"] == "8" and setup["preload_app"] == "True"
    assert setup["wsgi_app"] == "handlekraft.wsgi:application" and setup["timeout"] == "60"


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    secret = "a-long-random-production-secret-" + "q8Zr" * 10
    production = run_manage("shell", "-v", "0", "-c", SHOW_CONNECTION, DEBUG="0", SECRET_KEY=secret)
    assert production.stdout.split() == ["60", "True"], production.stderr
    development = run_manage("shell", "-v", "0", "-c", SHOW_CONNECTION, DEBUG="1")
    assert development.stdout.split() == ["0", "True"], development.stderr


def test_the_deploy_check_refuses_mail_to_the_console_unless_it_is_meant():
    production = {
        "DEBUG": "0",
        "SECRET_KEY": "a-long-random-production-secret-" + "q8Zr" * 10,
        "ALLOWED_HOSTS": "handlekraft.kommune.dk",
    }
    console = run_manage("check", "--deploy", **production)
    assert console.returncode != 0 and "handlekraft.E001" in console.stdout + console.stderr
    meant = run_manage("check", "--deploy", "--fail-level", "WARNING", EMAIL_CONSOLE_OK="1", **production)
    assert meant.returncode == 0, meant.stdout + meant.stderr


def test_production_refuses_to_start_without_a_secret_key():
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0", ALLOWED_HOSTS="kommune.dk")
    assert deploy.returncode != 0 and "SECRET_KEY" in deploy.stdout + deploy.stderr
    server = subprocess.run(
        [sys.executable, "-c", "import handlekraft.wsgi"],
        cwd=ROOT,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")
            },
            "DEBUG": "0",
        },
        capture_output=True,
        text=True,
    )
    assert server.returncode != 0 and "SECRET_KEY" in server.stderr


def test_development_commands_run_without_a_secret_key():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="0")
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_refuses_to_run_with_debug_off():
    result = run_manage(
        "demo", DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="localhost", DATABASE_URL="sqlite:///:memory:"
    )
    assert result.returncode != 0
    assert "demo kører kun med DEBUG=1" in result.stderr


def test_the_deploy_check_in_process_names_console_mail_with_debug_off(settings):
    from handlekraft.checks import mail_reaches_people

    settings.DEBUG, settings.EMAIL_CONSOLE_OK = False, False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert [e.id for e in mail_reaches_people(None)] == ["handlekraft.E001"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert mail_reaches_people(None) == []
