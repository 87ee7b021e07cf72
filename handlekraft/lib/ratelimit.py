"""A counter per key in the cache that starts again after `window` seconds: the one way our rate limits
count (notes per participant, wrong meeting codes per address, reset mails per address)."""

from __future__ import annotations

from django.core.cache import cache


def hit(key: str, window: int) -> int:
    """Counts one more for `key` and returns the count within the window."""
    if cache.add(key, 1, window):  # the first in its window: one operation
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def count(key: str) -> int:
    return cache.get(key, 0)
