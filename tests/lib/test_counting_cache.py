"""The database cache's counter (lib/cache.py) in one process: it counts, and refuses a missing or
expired key like Django's own caches. (Two processes counting at once: tests/test_shared_state.py.)"""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from django.test import override_settings

from handlekraft.lib.cache import CountingDatabaseCache

COUNTING = {"BACKEND": "handlekraft.lib.cache.CountingDatabaseCache", "LOCATION": "handlekraft_cache_test"}


@pytest.fixture
def counter(db):
    with override_settings(CACHES={"default": COUNTING}):
        call_command("createcachetable", verbosity=0)
        yield CountingDatabaseCache("handlekraft_cache_test", {})


def test_it_counts_up_from_the_stored_value(counter):
    counter.set("wrong-codes:192.0.2.10", 1, timeout=600)
    assert counter.incr("wrong-codes:192.0.2.10") == 2
    assert counter.incr("wrong-codes:192.0.2.10", 5) == 7
    assert counter.get("wrong-codes:192.0.2.10") == 7


def test_a_missing_or_expired_key_is_refused(counter):
    with pytest.raises(ValueError, match="not found"):
        counter.incr("never-set")
    counter.set("short", 1, timeout=1)
    time.sleep(1.1)
    with pytest.raises(ValueError, match="not found"):
        counter.incr("short")


def test_keys_are_kept_apart(counter):
    counter.set("a", 10, timeout=600)
    counter.set("b", 20, timeout=600)
    counter.incr("a")
    assert (counter.get("a"), counter.get("b")) == (11, 20)
