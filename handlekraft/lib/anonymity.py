"""Which groups' figures may be shown without revealing a small group (DESIGN §6, issue 8).

A group is a unit with everyone below it. Its figure is shown only when
- it has at least `threshold` respondents, and
- no small group can be computed by subtraction: for every shown unit, the respondents not covered by
  the shown units right below it (its "frontier", which may lie several levels down when units in
  between are hidden) number 0 or at least `threshold`. People placed directly in a unit, rather than in
  one of its children, are such a remainder too.

When a remainder is too small, the smallest unit on the frontier is hidden as well (its own shown units
then join the frontier), until every remainder is safe. The answer depends only on the tree and the
counts, never on who is looking, so combining what different people see reveals nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping


def subtree_counts(parents: Mapping[int, int | None], direct: Mapping[int, int]) -> dict[int, int]:
    """Respondents in each unit and everything below it."""
    totals = {unit: direct.get(unit, 0) for unit in parents}
    children: dict[int | None, list[int]] = {}
    for unit, parent in parents.items():
        children.setdefault(parent, []).append(unit)

    def total(unit: int) -> int:
        return direct.get(unit, 0) + sum(total(child) for child in children.get(unit, []))

    for unit in parents:
        totals[unit] = total(unit)
    return totals


def shown_units(parents: Mapping[int, int | None], direct: Mapping[int, int], threshold: int) -> set[int]:
    """The units whose figures may be shown. `parents` maps every unit to its parent (None for the root);
    `direct` holds the respondents placed directly in each unit."""
    threshold = max(1, threshold)
    totals = subtree_counts(parents, direct)
    shown = {unit for unit, n in totals.items() if n >= threshold}
    ancestors = {unit: _ancestors(unit, parents) for unit in parents}

    changed = True
    while changed:
        changed = False
        for unit in sorted(shown, key=lambda u: (len(ancestors[u]), u)):
            if unit not in shown:
                continue
            frontier = [
                other
                for other in shown
                if other != unit
                and unit in ancestors[other]
                and _nearest_shown(other, ancestors, shown) == unit
            ]
            remainder = totals[unit] - sum(totals[f] for f in frontier)
            if 0 < remainder < threshold and frontier:
                smallest = min(frontier, key=lambda f: (totals[f], f))
                shown.discard(smallest)
                changed = True
            elif 0 < remainder < threshold and not frontier:  # cannot happen: then remainder == total
                shown.discard(unit)
                changed = True
    return shown


def _ancestors(unit: int, parents: Mapping[int, int | None]) -> list[int]:
    result, seen = [], {unit}
    parent = parents.get(unit)
    while parent is not None and parent not in seen:
        result.append(parent)
        seen.add(parent)
        parent = parents.get(parent)
    return result  # nearest first


def _nearest_shown(unit: int, ancestors: Mapping[int, list[int]], shown: set[int]) -> int | None:
    return next((a for a in ancestors[unit] if a in shown), None)
