"""Secrets we keep only as hashes (API keys, feed and calendar addresses, join and answer codes)."""

from __future__ import annotations

import hashlib


def sha256_hex(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
