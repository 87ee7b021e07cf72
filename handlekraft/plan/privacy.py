"""A person's follow-up items in "Mine data"; erasure deletes their calendar keys and onboarding
(lib/privacy.py). Follow-up items stay with the forum, their owner anonymised."""

from __future__ import annotations

from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import CalendarToken, FollowUp, LeaderOnboarding, WelcomeDismissal


def sections(user) -> list[Section]:
    return [
        Section(
            "follow_ups",
            _("Opfølgningspunkter, du står for"),
            rows(
                {"title": f.title, "due": f.due, "status": f.get_status_display()}
                for f in FollowUp.objects.filter(owner=user).order_by("due")
            ),
        ),
    ]


def erase(user) -> None:
    CalendarToken.objects.filter(user=user).delete()
    LeaderOnboarding.objects.filter(leader=user).delete()
    WelcomeDismissal.objects.filter(user=user).delete()
