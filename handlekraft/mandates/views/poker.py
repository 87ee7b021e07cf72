"""Delegation poker: agree the levels together, live through htmx, and fully usable by keyboard.

Votes are secret until the leader reveals them; then everyone sees the cards and the spread, talks,
and may vote again. The leader records the agreed level as a new version of the decision area.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import StartForm
from ..models import Level, PokerSession, PokerVote
from ..rules import can_edit_mandates_of, can_run_poker, can_take_part_in_poker


@login_required
def start(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    if not can_edit_mandates_of(request.user, unit):
        raise PermissionDenied
    form = StartForm(
        request.POST or None,
        unit=unit,
        user=request.user,
        initial={"title": _("Delegeringspoker i %(unit)s") % {"unit": unit.name}},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        return redirect(PokerSession.begin(unit, data["title"], data["areas"], request.user))
    return render(request, "mandates/poker_start.html", {"form": form, "unit": unit})


def state(session: PokerSession, user) -> dict:
    """Everything the live panel shows. Before the reveal: who has voted, never what."""
    area = session.current_area
    votes = (
        list(
            PokerVote.objects.filter(session=session, area=area, round=session.round)
            .select_related("voter")
            .order_by("voter__name")
        )
        if area
        else []
    )
    mine = next((v.level for v in votes if v.voter_id == user.pk), None)
    context = {
        "session": session,
        "area": area,
        "voted": [v.voter.name for v in votes],
        "my_vote": mine,
        "levels": Level.choices,
        "can_run": can_run_poker(user, session),
        "agreements": list(session.agreements.select_related("area").order_by("recorded_at")),
        "state_key": f"{area.pk if area else 0}-{session.round}-{int(session.revealed)}-{session.status}",
    }
    if session.revealed and votes:
        counts = Counter(v.level for v in votes)
        most = max(counts.values())
        top = sorted(level for level, n in counts.items() if n == most)
        context.update(
            cards=[(v.voter.name, v.level) for v in votes],
            distribution=[(value, label, counts.get(value, 0)) for value, label in Level.choices],
            spread=(min(counts), max(counts)),
            # A tie is reported as a tie ("4, 5 og 7 fik lige mange stemmer"), and preselects nothing.
            most_common=top[0] if len(top) == 1 else None,
            tied=get_text_list([str(level) for level in top], _("og")) if len(top) > 1 else "",
        )
    return context


@login_required
def session_page(request: SignedInRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(PokerSession.objects.select_related("unit", "current_area"), pk=pk)
    if not can_take_part_in_poker(request.user, session):
        raise PermissionDenied
    context = state(session, request.user)
    if not request.htmx:
        return render(request, "mandates/poker.html", context)
    if request.GET.get("kendt") == context["state_key"]:
        return render(request, "mandates/poker.html#status", context)
    # The leader moved on (revealed, new round, next area): replace the whole panel.
    response = render(request, "mandates/poker.html#panel", context)
    return reswap(retarget(response, "#poker-panel"), "outerHTML")


@login_required
@require_POST
def vote(request: SignedInRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(PokerSession.objects.select_related("unit", "current_area"), pk=pk)
    if not can_take_part_in_poker(request.user, session):
        raise PermissionDenied
    level = request.POST.get("level", "")
    if session.takes_votes and level in {str(v) for v in Level.values}:
        session.vote(request.user, int(level))
    elif not level:
        messages.error(request, _("Vælg et kort, før du lægger det."))
    return panel_or_page(request, session)


@login_required
@require_POST
def control(request: SignedInRequest, pk: int) -> HttpResponse:
    """The leader's buttons: reveal, vote again, record the agreed level, next area, finish."""
    session = get_object_or_404(PokerSession.objects.select_related("unit", "current_area"), pk=pk)
    if not can_run_poker(request.user, session):
        raise PermissionDenied
    action = request.POST.get("action")
    level = request.POST.get("level", "")
    if action == "reveal":
        session.reveal()
    elif action == "again":
        session.vote_again()
    elif action == "record" and session.current_area and level in {str(v) for v in Level.values}:
        session.record(int(level), request.user)
    elif action == "next":
        session.next_area()
    elif action == "finish":
        session.finish()
    return panel_or_page(request, session)


def panel_or_page(request: SignedInRequest, session: PokerSession) -> HttpResponse:
    if request.htmx:
        session = PokerSession.objects.select_related("unit", "current_area").get(pk=session.pk)
        return render(request, "mandates/poker.html#panel", state(session, request.user))
    return redirect(session)


@login_required
def sessions(request: SignedInRequest, external_id: str) -> HttpResponse:
    unit = get_object_or_404(Unit, external_id=external_id)
    return render(
        request,
        "mandates/poker_list.html",
        {
            "unit": unit,
            "sessions": PokerSession.objects.filter(unit=unit).select_related("created_by")[:50],
            "can_start": can_edit_mandates_of(request.user, unit),
        },
    )
