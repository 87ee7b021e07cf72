"""A person's experiments and proposals in "Mine data"; erasure takes the proposer off their proposals
(lib/privacy.py). Experiments stay with their other owners; the person leaves their owners."""

from __future__ import annotations

from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import Experiment, Proposal


def sections(user) -> list[Section]:
    return [
        Section(
            "experiments",
            _("Prøvehandlinger, du ejer"),
            rows(
                {
                    "title": e.title,
                    "status": e.get_status_display(),
                    "unit": e.unit.name,
                    "start": e.start,
                    "end": e.end,
                }
                for e in Experiment.objects.filter(owners=user).select_related("unit").order_by("created")
            ),
        ),
        Section(
            "proposals",
            _("Dine forslag til forenkling"),
            rows(
                {
                    "title": p.title,
                    "problem": p.problem,
                    "proposal": p.proposal,
                    "status": p.get_status_display(),
                }
                for p in Proposal.objects.filter(proposer=user).order_by("created")
            ),
        ),
    ]


def erase(user) -> None:
    Proposal.objects.filter(proposer=user).update(proposer=None)
    for experiment in Experiment.objects.filter(owners=user):
        experiment.owners.remove(user)
