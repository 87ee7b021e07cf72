"""A person's questions and poker votes in "Mine data"; erasure takes the asker off their questions
(lib/privacy.py). The questions and their answers stay: they are how the råderum was made clearer."""

from __future__ import annotations

from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section, rows

from .models import MandateQuestion, PokerVote


def sections(user) -> list[Section]:
    return [
        Section(
            "questions",
            _("Dine spørgsmål om råderummet"),
            rows(
                {"unit": q.unit.name, "text": q.text, "answer": q.answer_text, "created": q.created}
                for q in MandateQuestion.objects.filter(asker=user).select_related("unit").order_by("created")
            ),
        ),
        Section(
            "poker_votes",
            _("Dine stemmer i delegationspoker"),
            rows(
                {"session": v.session.title, "area": v.area.title, "level": v.level}
                for v in PokerVote.objects.filter(voter=user).select_related("session", "area")
            ),
        ),
    ]


def erase(user) -> None:
    MandateQuestion.objects.filter(asker=user).update(asker=None)
