"""Signals later apps listen to, so that organisation never imports them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after an import added roles in bulk (not on the very first import): `memberships` is the list.
memberships_added = Signal()
