"""Dialogue meetings in "Mine data": notes are written without an account, so none can be found from a
person; the export says so (lib/privacy.py)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.privacy import Section

from .models import Meeting, Note


def sections(user) -> list[Section]:
    return [
        Section(
            "dialogue_notes",
            _("Dine noter fra dialogmøder"),
            [],
            _(
                "Noter fra dialogmøder skrives uden login og er kun knyttet til din telefon, ikke til dig. "
                "Derfor kan vi ikke finde dem. Du kan selv se og rette dine noter på telefonen, mens mødet "
                "er åbent."
            ),
        )
    ]


def retain(settings, today) -> dict[str, int]:
    """Notes of meetings held more than `keep_meeting_notes_days` ago are deleted (the meeting, its
    polls' counts and the opsamlinger's theme names and texts stay; the notes leave the themes, quotes
    included, since a quote is a note)."""
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=settings.keep_meeting_notes_days), time())
    )
    old = Meeting.objects.filter(Q(starts_at__lt=cutoff) | Q(starts_at__isnull=True, created__lt=cutoff))
    deleted, _by_model = Note.objects.filter(meeting__in=old).delete()
    return {"meeting_notes": deleted}
