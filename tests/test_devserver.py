"""`make run` and `make run HOST=0.0.0.0` (phones on the same network)."""

from __future__ import annotations

from handlekraft.devserver import environment, own_address


def test_by_default_the_server_is_for_this_machine_and_says_how_to_open_it_to_phones():
    env, message = environment("127.0.0.1", {"PATH": "/usr/bin"}, "")
    assert env["DEBUG"] == "1" and "ALLOWED_HOSTS" not in env and "SITE_URL" not in env
    assert "http://127.0.0.1:8000/" in message and "make run HOST=0.0.0.0" in message


def test_host_0000_allows_the_machines_address_and_links_to_it():
    env, message = environment("0.0.0.0", {}, "192.168.1.23")  # noqa: S104
    assert env["ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost", "192.168.1.23"]
    assert env["SITE_URL"] == "http://192.168.1.23:8000"  # links and the meeting's QR code
    assert "http://192.168.1.23:8000/m/SOL234/" in message
    kept, _message = environment("0.0.0.0", {"SITE_URL": "https://demo.kommune.dk"}, "10.0.0.5")  # noqa: S104
    assert kept["SITE_URL"] == "https://demo.kommune.dk"  # one that was set is kept


def test_the_machines_own_address_is_an_ip_address():
    parts = own_address().split(".")
    assert len(parts) == 4 and all(p.isdigit() for p in parts)
