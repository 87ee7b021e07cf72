"""The organisation: the tree of units, a unit's page with its people and roles, a committee's page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from handlekraft.lib.documents import attachment, pdf_from_template

from ..forms import SignInCodesForm
from ..http import SignedInRequest
from ..models import Committee, CommitteeMember, Membership, Role, SignInCode, Unit, User
from ..rules import can_print_sign_in_codes

VISIBLE_ROLES = [Role.LEADER, Role.TR, Role.AMR]


TREE_DEPTH = 1  # the browser opens the municipality and its areas; each area's units open on request


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
    """The organisation browser: the municipality and its areas, each opening the units below it
    (`?under=`, fetched into the page by htmx), and a search by unit name or person that shows the
    matches in the tree with everything above them."""
    if request.htmx and (under := request.GET.get("under")):
        unit = get_object_or_404(Unit, external_id=under)
        nodes = tree_nodes(list(Unit.objects.filter(parent=unit)))
        return render(request, "organisation/_tree.html", {"nodes": nodes})
    query = request.GET.get("q", "").strip()[:100]
    if query:
        matches = Unit.objects.filter(
            Q(name__icontains=query)
            | Q(external_id__iexact=query)
            | Q(membership__user__name__icontains=query, membership__role__in=VISIBLE_ROLES)
        ).distinct()[:200]
        match_paths = [u.path for u in matches]
        wanted_ids = {int(pk) for path in match_paths for pk in path.strip("/").split("/")}
        roots = tree_nodes(list(Unit.objects.filter(pk__in=wanted_ids)), matched={u.pk for u in matches})
    else:
        roots = tree_nodes(list(Unit.objects.filter(depth__lte=TREE_DEPTH)))
    return render(
        request, "organisation/organisation.html", {"roots": roots, "query": query, "searched": bool(query)}
    )


def tree_nodes(units: list[Unit], matched: set[int] | None = None) -> list[dict]:
    """The units as a tree (its roots: the units whose parent is not among them), each with its leaders,
    TR and AMR, its committees and how many units lie right below it (three queries)."""
    matched = matched or set()
    people = people_by_unit(units)
    committees: dict[int, list[Committee]] = {}
    for committee in Committee.objects.filter(unit__in=units):
        committees.setdefault(committee.unit_id, []).append(committee)
    below = dict(
        Unit.objects.filter(parent__in=units).values_list("parent_id").annotate(n=Count("pk")).order_by()
    )
    nodes: dict[int, dict[str, Any]] = {}
    for unit in units:
        found = people.get(unit.pk, {})
        nodes[unit.pk] = {
            "unit": unit,
            "children": [],
            "below": below.get(unit.pk, 0),
            "leaders": found.get(Role.LEADER, []),
            "trs": found.get(Role.TR, []),
            "amrs": found.get(Role.AMR, []),
            "committees": committees.get(unit.pk, []),
            "matched": unit.pk in matched,
        }
    roots: list[dict[str, Any]] = []
    for unit in sorted(units, key=lambda u: (u.depth, u.name)):
        (nodes[unit.parent_id]["children"] if unit.parent_id in nodes else roots).append(nodes[unit.pk])
    return roots


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
            "may_print_codes": can_print_sign_in_codes(request.user, unit),
        },
    )


@login_required
def sign_in_codes(request: SignedInRequest, external_id: str) -> HttpResponse:
    """A leader prints personal one-time codes for the unit's people (those without e-mail first), for
    signing in at a shared PC. Each new code voids the person's old one."""
    unit = get_object_or_404(Unit, external_id=external_id)
    if not can_print_sign_in_codes(request.user, unit):
        raise PermissionDenied
    people = (
        User.objects.filter(membership__unit=unit, is_active=True)
        .exclude(pk=request.user.pk)
        .distinct()
        .order_by(F("email").asc(nulls_first=True), "name")
    )
    form = SignInCodesForm(request.POST if request.method == "POST" else None, people=people)
    if request.method == "POST" and form.is_valid():
        slips = [(person, *SignInCode.issue(person)) for person in form.cleaned_data["people"]]
        context = {"unit": unit, "slips": slips, "link": settings.SITE_URL + reverse("code-login")}
        return attachment(pdf_from_template("organisation/sign_in_slips.html", context), "engangskoder.pdf")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "organisation/sign_in_codes.html", {"unit": unit, "form": form}, status=status)


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
