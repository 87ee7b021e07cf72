"""API for the organisation: who am I, and the units."""

from __future__ import annotations

from typing import Annotated

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field

from handlekraft.lib.paging import BoundedLimitOffset

from .models import Committee, Membership, Role, Unit

router = Router(tags=["organisation"])


# A unit as the API names it: its external id (the HR system's key).
UnitId = Annotated[str, Field(min_length=1, max_length=100)]


def named_unit(request, external_id: str, own_by_default: bool = True) -> Unit:
    """The unit a request names by its external id: 404 when no unit has it. A request that names none
    means the person's own unit (422 when they have none), or is refused when a unit is required."""
    if external_id:
        unit = Unit.objects.filter(external_id=external_id).first()
        if unit is None:
            raise HttpError(404, f"Enheden {external_id} findes ikke.")
        return unit
    unit = request.user.primary_unit if own_by_default else None
    if unit is None:
        raise HttpError(
            422,
            "Angiv unit: enhedens id (du er ikke knyttet til en enhed)."
            if own_by_default
            else "Angiv unit: enhedens id.",
        )
    return unit


class UnitRef(Schema):
    external_id: str
    name: str
    kind: str


class UnitOut(UnitRef):
    parent: str | None

    @staticmethod
    def resolve_parent(unit: Unit) -> str | None:
        return unit.parent.external_id if unit.parent is not None else None


class RoleOut(Schema):
    unit: UnitRef
    role: str


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    unit: str


class MeOut(Schema):
    email: str
    name: str
    language: str
    unit: str | None
    roles: list[RoleOut]
    committees: list[CommitteeOut]


class PersonOut(Schema):
    name: str
    role: str


class UnitDetailOut(UnitRef):
    parent: str | None
    url: str
    ancestors: list[UnitRef]
    children: list[UnitRef]
    people: list[PersonOut]
    committees: list[CommitteeOut]


def committee_out(committee: Committee) -> dict:
    return {
        "id": committee.pk,
        "name": committee.name,
        "kind": committee.kind,
        "unit": committee.unit.external_id,
    }


@router.get("/me", response=MeOut, summary="Den, der er logget ind")
def me(request):
    user = request.user
    primary = user.primary_unit
    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "unit": primary.external_id if primary else None,
        "roles": [{"unit": m.unit, "role": m.role} for m in user.memberships],
        "committees": [committee_out(cm.committee) for cm in user.committee_memberships],
    }


@router.get("/units", response=list[UnitOut], summary="Enheder (søg med q, filtrér med parent)")
@paginate(BoundedLimitOffset)
def units(request, q: str = "", parent: str = ""):
    queryset = Unit.objects.select_related("parent").order_by("path")
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(external_id__iexact=q))
    if parent:
        queryset = queryset.filter(parent__external_id=parent)
    return queryset


@router.get("/units/{external_id}", response=UnitDetailOut, summary="Én enhed med ledelse, TR, AMR og udvalg")
def unit_detail(request, external_id: str):
    unit = get_object_or_404(Unit.objects.select_related("parent"), external_id=external_id)
    people = Membership.objects.filter(
        unit=unit, role__in=[Role.LEADER, Role.TR, Role.AMR], user__is_active=True
    ).select_related("user")
    committees = Committee.objects.filter(unit_id__in=unit.lineage_ids).select_related("unit")
    return {
        "external_id": unit.external_id,
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent.external_id if unit.parent is not None else None,
        "url": unit.get_absolute_url(),
        "ancestors": unit.ancestors(),
        "children": list(unit.children.order_by("name")),
        "people": [{"name": m.user.name, "role": m.role} for m in people],
        "committees": [committee_out(c) for c in committees],
    }
