"""The organisation: the tree of units, a unit's page with its people and roles, a committee's page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from ..http import SignedInRequest
from ..models import Committee, CommitteeMember, Membership, Role, Unit

VISIBLE_ROLES = [Role.LEADER, Role.TR, Role.AMR]


TREE_DEPTH = 2  # the browser opens the municipality, its areas and their departments


def people_by_unit(units, roles=VISIBLE_ROLES) -> dict[int, dict[str, list]]:
    """{unit id: {role: [people]}} for the given units, in one query."""
    result: dict[int, dict[str, list]] = {}
    memberships = (
        Membership.objects.filter(unit__in=units, role__in=roles, user__is_active=True)
        .select_related("user")
        .order_by("user__name")
    )
    for m in memberships:
        result.setdefault(m.unit_id, {}).setdefault(m.role, []).append(m.user)
    return result


@login_required
def organisation(request: SignedInRequest) -> HttpResponse:
    """The organisation browser: a tree of units, searchable by unit name or person."""
    query = request.GET.get("q", "").strip()[:100]
    if query:
        matches = Unit.objects.filter(
            Q(name__icontains=query)
            | Q(external_id__iexact=query)
            | Q(membership__user__name__icontains=query, membership__role__in=VISIBLE_ROLES)
        ).distinct()[:200]
        match_paths = [u.path for u in matches]
        wanted_ids = {int(pk) for path in match_paths for pk in path.strip("/").split("/")}
        units = list(Unit.objects.filter(pk__in=wanted_ids))
        matched_ids = {u.pk for u in matches}
    else:
        units = list(Unit.objects.filter(depth__lte=TREE_DEPTH))
        matched_ids = set()
    people = people_by_unit(units)
    committees: dict[int, list[Committee]] = {}
    for committee in Committee.objects.filter(unit__in=units):
        committees.setdefault(committee.unit_id, []).append(committee)
    nodes: dict[int, dict[str, Any]] = {
        u.pk: {
            "unit": u,
            "children": [],
            "people": people.get(u.pk, {}),
            "committees": committees.get(u.pk, []),
        }
        for u in units
    }
    roots: list[dict[str, Any]] = []
    for unit in sorted(units, key=lambda u: (u.depth, u.name)):
        node = nodes[unit.pk]
        node["leaders"] = node["people"].get(Role.LEADER, [])
        node["trs"] = node["people"].get(Role.TR, [])
        node["amrs"] = node["people"].get(Role.AMR, [])
        node["matched"] = unit.pk in matched_ids
        (nodes[unit.parent_id]["children"] if unit.parent_id in nodes else roots).append(node)
    return render(
        request, "organisation/organisation.html", {"roots": roots, "query": query, "searched": bool(query)}
    )


@login_required
def unit_detail(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    # The ancestors (for the breadcrumbs) and the children in one query.
    related = list(Unit.objects.filter(Q(pk__in=unit.ancestor_ids) | Q(parent=unit)))
    by_id = {u.pk: u for u in related}
    ancestors = [by_id[pk] for pk in unit.ancestor_ids if pk in by_id]
    children = sorted((u for u in related if u.parent_id == unit.pk), key=lambda u: u.name)
    memberships = list(
        Membership.objects.filter(unit=unit, user__is_active=True)
        .select_related("user")
        .order_by("user__name")
    )
    by_role: dict[str, list] = {}
    for m in memberships:
        by_role.setdefault(m.role, []).append(m.user)
    committees = (
        Committee.objects.filter(unit_id__in=unit.lineage_ids).select_related("unit").order_by("unit__depth")
    )
    return render(
        request,
        "organisation/unit.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "children": children,
            "leaders": by_role.get(Role.LEADER, []),
            "trs": by_role.get(Role.TR, []),
            "amrs": by_role.get(Role.AMR, []),
            "hrs": by_role.get(Role.HR, []),
            "employees": by_role.get(Role.EMPLOYEE, []),
            "committees": committees,
        },
    )


@login_required
def committee_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    committee = get_object_or_404(
        Committee.objects.select_related("unit").prefetch_related(
            Prefetch(
                "members", CommitteeMember.objects.select_related("user").order_by("position", "user__name")
            )
        ),
        pk=pk,
    )
    sides: dict[str, list[CommitteeMember]] = {side: [] for side in CommitteeMember.Side.values}
    for member in committee.members.all():
        sides[member.side].append(member)
    return render(
        request,
        "organisation/committee.html",
        {
            "committee": committee,
            "management": sides[CommitteeMember.Side.MANAGEMENT],
            "employees": sides[CommitteeMember.Side.EMPLOYEES],
        },
    )
