"""Forenklingsforslag: proposals to simplify rules, routed to whoever owns the rule, always answered."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.notifications.services import notify
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Membership, Role, Unit, User
from handlekraft.organisation.rules import is_hr

from .forms import ProposalAnswerForm, ProposalForm
from .models import Proposal
from .rules import can_answer_proposal


def recipients(proposal: Proposal) -> list:
    if proposal.routed_to is not None:
        return proposal.routed_to.nearest_leaders()
    hr = Membership.objects.filter(role=Role.HR, user__is_active=True).values("user_id")
    return list(User.objects.filter(pk__in=hr))


def submit(proposal: Proposal, owner: Unit | None) -> None:
    """Routes a new proposal to whoever owns the rule, saves it and tells them (forms and API alike)."""
    proposal.route(owner)
    proposal.save()
    notify(
        recipients(proposal),
        "proposal_received",
        format_lazy(gettext_lazy("Nyt forenklingsforslag: {}"), proposal.title),
        proposal.proposal,
        proposal.get_absolute_url(),
    )


@login_required
def proposal_list(request: SignedInRequest) -> HttpResponse:
    """All proposals, open to everyone, with the hours freed by those carried out."""
    status = request.GET.get("status", "")
    proposals = Proposal.objects.select_related("unit", "routed_to")
    if status in Proposal.Status.values:
        proposals = proposals.filter(status=status)
    areas: dict[int, dict[str, Any]] = {
        u.pk: {"unit": u, "hours": Decimal(0), "count": 0} for u in Unit.objects.filter(depth=1)
    }
    total: dict[str, Any] = {"hours": Decimal(0), "count": 0}
    done = Proposal.objects.filter(status=Proposal.Status.DONE).values_list("unit__path", "hours_per_month")
    for path, hours in done:
        total["hours"] += hours
        total["count"] += 1
        ids = path.strip("/").split("/")
        if len(ids) > 1 and int(ids[1]) in areas:
            areas[int(ids[1])]["hours"] += hours
            areas[int(ids[1])]["count"] += 1
    return render(
        request,
        "experiments/proposals.html",
        {
            "proposals": proposals[:100],
            "areas": [a for a in areas.values() if a["count"]],
            "total": total,
            "status": status,
            "statuses": Proposal.Status.choices,
        },
    )


@login_required
def proposal_create(request: SignedInRequest) -> HttpResponse:
    unit = request.user.primary_unit
    if unit is None:
        raise Http404(_("Du er ikke knyttet til en enhed."))
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = form.save(commit=False)
        proposal.unit, proposal.proposer = unit, request.user
        owner = Unit.objects.filter(external_id=form.cleaned_data["owner_unit"]).first()
        submit(proposal, owner)
        messages.success(
            request,
            _("Tak for forslaget. Det er sendt til den, der ejer reglen, og du får besked om svaret."),
        )
        return redirect(proposal)
    return render(request, "experiments/proposal_edit.html", {"form": form, "unit": unit})


@login_required
def proposal_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        Proposal.objects.select_related("unit", "routed_to", "proposer", "answered_by", "decision_area"),
        pk=pk,
    )
    can_answer = can_answer_proposal(request.user, proposal)
    form = ProposalAnswerForm(request.POST or None, proposal=proposal) if can_answer else None
    if request.method == "POST":
        if not can_answer or form is None:
            raise PermissionDenied
        if form.is_valid():
            apply_answer(proposal, form.cleaned_data, request.user)
            messages.success(request, _("Forslaget er opdateret, og forslagsstilleren har fået besked."))
            return redirect(proposal)
    return render(
        request,
        "experiments/proposal.html",
        {"proposal": proposal, "form": form, "experiments": list(proposal.experiments.all())},
    )


def apply_answer(proposal: Proposal, data: dict, user) -> None:
    proposal.status, proposal.answered_by = data["status"], user
    if data["answer"]:
        proposal.answer = data["answer"]
    if data.get("decision_area"):
        proposal.decision_area = data["decision_area"]
    if proposal.first_response_at is None:
        proposal.first_response_at = timezone.now()
    if proposal.status == Proposal.Status.FORWARDED:
        proposal.routed_to = Unit.objects.filter(external_id=data["forward_to"]).first()
    proposal.save()
    notify(
        [proposal.proposer] if proposal.proposer else [],
        "proposal_status",
        format_lazy(
            gettext_lazy("Dit forenklingsforslag »{}«: {}"), proposal.title, proposal.get_status_display()
        ),
        proposal.answer,
        proposal.get_absolute_url(),
    )
    if proposal.status == Proposal.Status.FORWARDED:
        notify(
            recipients(proposal),
            "proposal_received",
            format_lazy(gettext_lazy("Forenklingsforslag sendt videre til dig: {}"), proposal.title),
            proposal.proposal,
            proposal.get_absolute_url(),
        )


def waiting_for(user):
    """Open proposals this person must answer: routed to units they lead, or central ones for HR."""
    led = [m.unit.path for m in user.memberships if m.role == Role.LEADER]
    condition = Q(pk__in=[])
    for path in led:
        condition |= Q(routed_to__path__startswith=path)
    if is_hr(user):
        condition |= Q(routed_to__isnull=True)
    open_statuses = [Proposal.Status.RECEIVED, Proposal.Status.IN_PROGRESS, Proposal.Status.FORWARDED]
    return Proposal.objects.filter(condition, status__in=open_statuses).select_related("unit")
