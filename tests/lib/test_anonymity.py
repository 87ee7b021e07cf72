"""The suppression rule: no small group is shown, directly or by subtraction."""

from __future__ import annotations

import itertools

from handlekraft.lib.anonymity import shown_units, subtree_counts

T = 5


def test_a_four_person_unit_is_suppressed():
    assert shown_units({1: None}, {1: 4}, T) == set()
    assert shown_units({1: None}, {1: 5}, T) == {1}


def test_a_parent_with_children_of_8_and_4_reveals_neither_the_4():
    parents = {1: None, 2: 1, 3: 1}
    shown = shown_units(parents, {2: 8, 3: 4}, T)
    # Showing the parent (12) and the 8 would give away the 4 by subtraction.
    assert 3 not in shown
    assert not ({1, 2} <= shown)
    assert shown == {1}


def test_people_placed_directly_in_a_parent_count_as_a_group():
    parents = {1: None, 2: 1}
    # 3 people in the parent itself and 10 in the child: parent 13 − child 10 = 3 would leak.
    assert shown_units(parents, {1: 3, 2: 10}, T) == {1}
    assert shown_units(parents, {1: 6, 2: 10}, T) == {1, 2}


def test_a_remainder_of_zero_or_at_least_the_threshold_is_safe():
    parents = {1: None, 2: 1, 3: 1, 4: 1}
    assert shown_units(parents, {2: 6, 3: 7, 4: 0}, T) == {1, 2, 3}
    assert shown_units(parents, {2: 6, 3: 7, 4: 5}, T) == {1, 2, 3, 4}


def test_hidden_units_in_between_do_not_open_a_way_round():
    # Root 1 → area 2 → teams 3 (9) and 4 (2); root also has area 5 (20).
    parents = {1: None, 2: 1, 3: 2, 4: 2, 5: 1}
    shown = shown_units(parents, {3: 9, 4: 2, 5: 20}, T)
    totals = subtree_counts(parents, {3: 9, 4: 2, 5: 20})
    # Whatever is shown, no shown unit's uncovered remainder is a small group.
    for unit in shown:
        below = [u for u in shown if u != unit and _within(u, unit, parents)]
        frontier = [u for u in below if not any(_within(u, v, parents) for v in below if v != u)]
        remainder = totals[unit] - sum(totals[f] for f in frontier)
        assert remainder == 0 or remainder >= T, (unit, remainder)
    assert 4 not in shown


def test_combining_every_pair_of_shown_figures_reveals_no_small_group():
    parents = {1: None, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 3}
    direct = {1: 2, 2: 1, 4: 7, 5: 6, 6: 5, 7: 3}
    shown = shown_units(parents, direct, T)
    totals = subtree_counts(parents, direct)
    # Any difference between a shown unit and a shown unit inside it is 0 or at least the threshold.
    for a, b in itertools.permutations(shown, 2):
        if _within(b, a, parents):
            difference = totals[a] - totals[b]
            assert difference == 0 or difference >= T or _covered(a, b, shown, parents, totals)


def _within(unit, ancestor, parents):
    parent = parents.get(unit)
    while parent is not None:
        if parent == ancestor:
            return True
        parent = parents.get(parent)
    return False


def _covered(a, b, shown, parents, totals):
    """a − b is not itself a group when other shown units inside a account for part of it."""
    others = [u for u in shown if u not in (a, b) and _within(u, a, parents) and not _within(u, b, parents)]
    return bool(others)
