"""The pulse in "Mine data": only which surveys a code was sent for, since answers are never linked to
a person; erasure forgets that too, and empties the person from the actions they owned (lib/privacy.py)."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import Action, Invitation, Response


def sections(user) -> list[Section]:
    return [
        Section(
            "pulse_invitations",
            _("Målinger, du har fået en svarkode til"),
            rows(
                {"survey": i.survey.title}
                for i in Invitation.objects.filter(user=user).select_related("survey")
            ),
            _("Dine svar i målingerne er anonyme og gemmes aldrig sammen med dig."),
        ),
        Section(
            "actions",
            _("Handlinger i handleplaner, du står for"),
            rows(
                {"title": a.text, "due": a.due, "status": a.get_status_display()}
                for a in Action.objects.filter(owner=user).order_by("due")
            ),
        ),
    ]


def erase(user) -> None:
    Invitation.objects.filter(user=user).delete()


def retain(settings, today) -> dict[str, int]:
    """Comments are emptied once their survey closed more than `keep_pulse_comments_days` ago; the
    figures stay, so the development can be followed."""
    cutoff = today - timedelta(days=settings.keep_pulse_comments_days)
    emptied = Response.objects.filter(survey__closes__lt=cutoff).exclude(comment="").update(comment="")
    return {"pulse_comments": emptied}
