"""State shared by every process (issue 16): two gunicorn workers count one rate limit through the
production default cache (the database; Redis when REDIS_URL is set), and the login lockout keys on
the account and the client's own address, read through the trusted proxy."""

from __future__ import annotations

import contextlib
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from handlekraft.dialogue.joining import GUESSES
from tests.conftest import PASSWORD
from tests.servers import own_database, prepare_site, site_environment, start_gunicorn

pytestmark = pytest.mark.xdist_group("servers")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrong_code(server) -> int:
    return status_of(server.url + "/m/?code=QQQQQQ")


def served_by(server, path: str) -> list[str]:
    """The worker of each request for `path` so far, in order."""
    return [line.split()[0] for line in server.access_log.read_text().splitlines() if f" {path}" in line]


def redis_reachable() -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 6379), timeout=1):
        return True
    return False


CACHES = [
    pytest.param({}, id="database-cache"),
    pytest.param(
        {"REDIS_URL": "redis://127.0.0.1:6379/9"},
        id="redis",
        marks=pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379"),
    ),
]


@pytest.mark.parametrize("cache", CACHES)
def test_two_workers_count_one_limit_on_wrong_meeting_codes(tmp_path, cache):
    with own_database(tmp_path) as database_url:
        env = site_environment(database_url, tmp_path, **cache)
        prepare_site(env)
        server = start_gunicorn(env, tmp_path, workers=2)
        try:
            if cache:
                import redis

                redis.Redis.from_url(cache["REDIS_URL"]).flushdb()
            # 40 wrong codes, four at a time: both workers are busy, so both answer some.
            with ThreadPoolExecutor(4) as phones:
                answers = list(phones.map(lambda _: wrong_code(server), range(2 * GUESSES)))
            time.sleep(0.5)  # the access log is written just after each answer
            assert len(set(served_by(server, "/m/"))) == 2
            # One count for both: at most 20 wrong codes get "no such meeting", the rest "too many".
            # (A count per worker would let each worker's first 20 through: more than 20 in all.)
            allowed = answers.count(200)
            assert GUESSES - 4 <= allowed <= GUESSES and answers.count(429) == 2 * GUESSES - allowed
        finally:
            server.stop()


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]


def login(client, address: str, password: str, forwarded_for: str = "", remote: str = "10.0.0.5"):
    return client.post(
        reverse("login"),
        {"username": "leder@test.dk", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=f"{forwarded_for}{address}",
    )


def test_lockout_is_per_account_and_the_clients_own_address(client, behind_proxy, cast):
    for _ in range(5):
        login(client, "192.0.2.10", "forkert-kodeord")
    locked = login(client, "192.0.2.10", PASSWORD)
    assert locked.status_code == 429
    # A colleague at another PC behind the same proxy is not locked out of their own account.
    other = login(client, "192.0.2.20", PASSWORD)
    assert other.status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, behind_proxy, cast):
    for n in range(5):
        login(client, "192.0.2.10", "forkert-kodeord", forwarded_for=f"198.51.100.{n}, ")
    # The proxy appended the real address; what the client wrote to its left is ignored.
    assert login(client, "192.0.2.10", PASSWORD, forwarded_for="198.51.100.99, ").status_code == 429


def test_without_a_trusted_proxy_the_header_is_ignored(client, cast):
    for n in range(5):
        login(client, f"192.0.2.{n}", "forkert-kodeord", remote="203.0.113.7")
    assert login(client, "192.0.2.99", PASSWORD, remote="203.0.113.7").status_code == 429


COUNT = """
from django.core.cache import cache
for _ in range(300):
    cache.incr("gæt")
"""


def test_two_processes_counting_at_once_lose_no_count(tmp_path):
    """The rate limits' counter in the default (database) cache: two processes that count at once,
    each 300 times, leave 600, on SQLite and on PostgreSQL alike (Django's own incr loses counts)."""
    import subprocess
    import sys

    from tests.servers import ROOT, manage

    with own_database(tmp_path) as database_url:
        env = site_environment(database_url, tmp_path)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "shell", "-c", "from django.core.cache import cache\ncache.set('gæt', 0, 600)")
        counters = [
            subprocess.Popen([sys.executable, "manage.py", "shell", "-c", COUNT], cwd=ROOT, env=env)
            for _ in range(2)
        ]
        assert [counter.wait(120) for counter in counters] == [0, 0]
        total = manage(
            env, "shell", "-c", "from django.core.cache import cache\nprint('TOTAL', cache.get('gæt'))"
        )
        assert "TOTAL 600" in total
