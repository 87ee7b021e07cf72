from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.notifications.models import EmailPreference

from .forms import EmailPreferencesForm, LoginForm, ProfileForm, TokenForm
from .http import SignedInRequest
from .models import Committee, CommitteeMember, Membership, PersonalToken, Role, Unit
from .oidc import provider_logout_url
from .rules import is_hr

VISIBLE_ROLES = [Role.LEADER, Role.TR, Role.AMR]
TREE_DEPTH = 2  # the browser opens the municipality, its areas and their departments


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logging out after single sign-on ends the session at the provider too: on a shared PC, the next
    person who presses "Log ind med kommunens login" must be asked for their own credentials."""

    def post(self, request, *args, **kwargs):
        at_provider = provider_logout_url(request)  # read before the session is gone
        response = super().post(request, *args, **kwargs)
        return redirect(at_provider) if at_provider else response


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


@login_required
def profile(request: SignedInRequest) -> HttpResponse:
    user = request.user
    current = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
    action = request.POST.get("action") if request.method == "POST" else None
    profile_form = ProfileForm(
        request.POST if action == "language" else None, instance=user, prefix="profile"
    )
    email_form = EmailPreferencesForm(
        request.POST if action == "email" else None, current=current, prefix="email"
    )
    token_form = TokenForm(request.POST if action == "token" else None, prefix="token")
    if action == "language" and profile_form.is_valid():
        profile_form.save()
        messages.success(request, _("Dit sprog er gemt."))
        response = redirect("profile")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax", httponly=True)
        return response
    if action == "email" and email_form.is_valid():
        for kind, wanted in email_form.choices().items():
            EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": wanted})
        messages.success(request, _("Dine valg af e-mails er gemt."))
        return redirect("profile")
    new_token = None
    if action == "token" and token_form.is_valid():
        _token, new_token = PersonalToken.issue(user, token_form.cleaned_data["name"])
        token_form = TokenForm(prefix="token")
    return render(
        request,
        "organisation/profile.html",
        {
            "profile_form": profile_form,
            "email_form": email_form,
            "token_form": token_form,
            "new_token": new_token,
            "tokens": user.tokens.filter(revoked__isnull=True),
            "is_hr": is_hr(user),
        },
    )


@login_required
@require_POST
def revoke_token(request: SignedInRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(PersonalToken, pk=pk, user=request.user, revoked__isnull=True)
    token.revoke()
    messages.success(request, _("API-nøglen »%(name)s« er tilbagekaldt.") % {"name": token.name})
    return redirect("profile")
