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

Each pass walks the tree once (linear in the number of units), so a municipality's 3,000 units take
milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping


def _children(parents: Mapping[int, int | None]) -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = {}
    for unit, parent in parents.items():
        children.setdefault(parent if parent in parents else None, []).append(unit)
    for kids in children.values():
        kids.sort()
    return children


def subtree_counts(parents: Mapping[int, int | None], direct: Mapping[int, int]) -> dict[int, int]:
    """Respondents in each unit and everything below it."""
    children = _children(parents)
    totals: dict[int, int] = {}
    # Iterative post-order, so deep trees need no recursion.
    for root in children.get(None, []):
        stack = [(root, False)]
        while stack:
            unit, expanded = stack.pop()
            if expanded:
                totals[unit] = direct.get(unit, 0) + sum(totals[c] for c in children.get(unit, []))
            else:
                stack.append((unit, True))
                stack.extend((c, False) for c in children.get(unit, []))
    return totals


def _frontier(unit: int, children: Mapping, shown: set[int]) -> list[int]:
    """The shown units below `unit` with no shown unit between them and `unit`."""
    result, stack = [], list(children.get(unit, []))
    while stack:
        below = stack.pop()
        if below in shown:
            result.append(below)
        else:
            stack.extend(children.get(below, []))
    return result


def shown_units(parents: Mapping[int, int | None], direct: Mapping[int, int], threshold: int) -> set[int]:
    """The units whose figures may be shown. `parents` maps every unit to its parent (None for the root);
    `direct` holds the respondents placed directly in each unit."""
    threshold = max(1, threshold)
    children = _children(parents)
    totals = subtree_counts(parents, direct)
    shown = {unit for unit, n in totals.items() if n >= threshold}
    changed = True
    while changed:
        changed = False
        for unit in sorted(shown):
            if unit not in shown:
                continue
            frontier = _frontier(unit, children, shown)
            remainder = totals[unit] - sum(totals[f] for f in frontier)
            while 0 < remainder < threshold and frontier:
                smallest = min(frontier, key=lambda f: (totals[f], f))
                shown.discard(smallest)
                changed = True
                frontier = _frontier(unit, children, shown)
                remainder = totals[unit] - sum(totals[f] for f in frontier)
    return shown
