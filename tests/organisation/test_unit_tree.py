"""The unit tree: ancestors and subtree in a constant number of queries; moving a unit moves its subtree."""

from __future__ import annotations

from handlekraft.organisation.models import Unit


def chain(depth: int) -> list[Unit]:
    units, parent = [], None
    for i in range(depth):
        parent = Unit.objects.create(external_id=f"U{i}", name=f"U{i}", kind=Unit.Kind.TEAM, parent=parent)
        units.append(parent)
    return units


def test_ancestors_and_subtree_cost_one_query_at_any_depth(db, django_assert_num_queries):
    deep = chain(12)
    leaf = Unit.objects.get(pk=deep[-1].pk)
    with django_assert_num_queries(1):
        assert [u.external_id for u in leaf.ancestors()] == [f"U{i}" for i in range(11)]
    with django_assert_num_queries(1):
        assert deep[3].subtree().count() == 9
    assert leaf.depth == 11


def test_moving_a_unit_moves_its_whole_subtree(db):
    a, b, c = chain(3)
    other = Unit.objects.create(external_id="X", name="X", kind=Unit.Kind.AREA)
    b.parent = other
    b.save()
    c.refresh_from_db()
    assert [u.external_id for u in c.ancestors()] == ["X", "U1"]
    assert not c.is_within(a) and c.is_within(other)
    assert list(a.subtree()) == [a]


def test_a_unit_cannot_be_placed_below_itself(db):
    import pytest
    from django.core.exceptions import ValidationError

    a, _b, c = chain(3)
    a.parent = c
    with pytest.raises(ValidationError):
        a.full_clean()
