"""Forenklingsforslag: proposals to simplify rules, routed to whoever owns the rule, always answered."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Unit

from ..forms import ProposalAnswerForm, ProposalForm
from ..models import Proposal
from ..rules import can_answer_proposal


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
        proposal.submit(owner)
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
            data = form.cleaned_data
            area, forward_to = data.get("decision_area"), data.get("forward_to")
            proposal.respond(request.user, data["status"], data["answer"], area, forward_to)
            messages.success(request, _("Forslaget er opdateret, og forslagsstilleren har fået besked."))
            return redirect(proposal)
    return render(
        request,
        "experiments/proposal.html",
        {"proposal": proposal, "form": form, "experiments": list(proposal.experiments.all())},
    )
