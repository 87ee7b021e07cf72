"""Which decision areas are in force for a unit: own, inherited, replaced, and never the wrong ones."""

from __future__ import annotations

from handlekraft.mandates.models import DecisionArea


def area(unit, title, level=7, **kwargs) -> DecisionArea:
    return DecisionArea.objects.create(unit=unit, title=title, level=level, **kwargs)


def titles(unit) -> dict[str, str]:
    return {a.title: a.unit.external_id for a in DecisionArea.objects.for_unit(unit)}


def test_a_unit_gets_its_own_areas_and_those_inherited_from_above(cast):
    area(cast.kommune, "Små indkøb")
    area(cast.area, "Valg af vikar")
    area(cast.unit, "Menu")
    assert titles(cast.team) == {"Små indkøb": "K", "Valg af vikar": "A", "Menu": "D"}
    assert titles(cast.other_unit) == {"Små indkøb": "K", "Valg af vikar": "A"}
    assert titles(cast.hr_unit) == {"Små indkøb": "K"}


def test_a_closer_area_with_the_same_title_replaces_the_inherited_one_for_its_subtree(cast):
    area(cast.area, "Ture ud af huset", level=6)
    local = area(cast.unit, "ture ud af  huset", level=7)  # same title, other case and spacing
    in_force = {a.title_key: a for a in DecisionArea.objects.for_unit(cast.team)}
    assert in_force["ture ud af huset"] == local
    assert in_force["ture ud af huset"].inherited is True  # inherited by the team from D
    assert {a.level for a in DecisionArea.objects.for_unit(cast.other_unit)} == {6}


def test_an_area_that_does_not_apply_below_stays_with_its_unit(cast):
    area(cast.area, "Ture", level=5)
    area(cast.unit, "Ture", level=7, applies_to_subunits=False)
    assert [a.level for a in DecisionArea.objects.for_unit(cast.unit)] == [7]
    assert [a.level for a in DecisionArea.objects.for_unit(cast.team)] == [5]


def test_drafts_and_archived_areas_are_not_in_force(cast):
    area(cast.unit, "Kladde", status=DecisionArea.Status.DRAFT)
    area(cast.unit, "Gammel", status=DecisionArea.Status.ARCHIVED)
    assert titles(cast.unit) == {}


def test_in_force_costs_one_query_whatever_the_depth(cast, django_assert_num_queries):
    from handlekraft.organisation.models import Unit

    parent = cast.team
    for i in range(10):
        parent = Unit.objects.create(
            external_id=f"deep{i}", name=f"Deep {i}", kind=Unit.Kind.TEAM, parent=parent
        )
        area(parent, f"Område {i}")
    leaf = Unit.objects.get(pk=parent.pk)
    with django_assert_num_queries(1):
        assert len(DecisionArea.objects.for_unit(leaf)) == 10
