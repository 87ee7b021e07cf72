"""The figures each app gives "Status på aktørskab" (plan/status.py).

Every app that has something to count owns one function, `status_figures(since)` in its models module,
that yields `UnitFigure`s from its own models: the plan app sums them per area and for the whole
organisation without knowing how the other apps store things.
"""

from __future__ import annotations

from typing import NamedTuple


class UnitFigure(NamedTuple):
    unit_id: int | None  # the unit it happened in
    key: str  # what is counted: "stories", "meetings_held", …
    amount: float = 1
    sub: str | None = None  # which of the key's kinds: a month ("2026-11") or a status
