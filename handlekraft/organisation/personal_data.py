""" "Mine data": everything the platform holds about one person (GDPR article 15), as JSON and PDF/UA.

Each app gives its own sections (lib/privacy.py: stories, questions, experiments, notifications …); this
module gives the organisation's (profile, roles, committees, API keys) and puts them together. What is
not in it, and why, is said in the export itself (pulse answers are never linked to a person; dialogue
notes are written without an account).
"""

from __future__ import annotations

import json

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from handlekraft.lib.privacy import Section, rows, sections_for

from .models import CommitteeMember, Membership, PersonalToken, PlannedRole, User

FORMAT_VERSION = 1

LABELS = {
    "name": gettext_lazy("Navn"),
    "email": gettext_lazy("E-mail"),
    "external_id": gettext_lazy("Medarbejdernøgle"),
    "language": gettext_lazy("Sprog"),
    "created": gettext_lazy("Oprettet"),
    "last_login": gettext_lazy("Sidst logget ind"),
    "left_on": gettext_lazy("Fratrådt"),
    "sso_linked": gettext_lazy("Knyttet til kommunens login"),
    "unit": gettext_lazy("Enhed"),
    "role": gettext_lazy("Rolle"),
    "starts_on": gettext_lazy("Startdato"),
    "ends_on": gettext_lazy("Slutdato"),
    "committee": gettext_lazy("Udvalg"),
    "side": gettext_lazy("Side"),
    "position": gettext_lazy("Rolle i udvalget"),
    "title": gettext_lazy("Titel"),
    "kind": gettext_lazy("Type"),
    "status": gettext_lazy("Status"),
    "text": gettext_lazy("Tekst"),
    "story": gettext_lazy("Historie"),
    "note": gettext_lazy("Hilsen"),
    "from": gettext_lazy("Fra"),
    "consent": gettext_lazy("Samtykke"),
    "answer": gettext_lazy("Svar"),
    "start": gettext_lazy("Start"),
    "end": gettext_lazy("Slut"),
    "problem": gettext_lazy("Problem"),
    "proposal": gettext_lazy("Forslag"),
    "due": gettext_lazy("Frist"),
    "survey": gettext_lazy("Måling"),
    "session": gettext_lazy("Delegationspoker"),
    "area": gettext_lazy("Beslutningsområde"),
    "level": gettext_lazy("Niveau"),
    "read": gettext_lazy("Læst"),
    "last_used": gettext_lazy("Sidst brugt"),
    "revoked": gettext_lazy("Tilbagekaldt"),
    "email_on": gettext_lazy("E-mail til"),
    "keep_stories": gettext_lazy("Historier må blive efter fratrædelse"),
}


def organisation_sections(user: User) -> list[Section]:
    profile = {
        "name": user.name,
        "email": user.email,
        "external_id": user.external_id,
        "language": user.get_language_display(),
        "created": user.date_joined,
        "last_login": user.last_login,
        "left_on": user.left_on,
        "sso_linked": bool(user.sso_subject),
        "keep_stories": user.keep_stories,
    }
    roles = [
        {"unit": m.unit.name, "role": m.get_role_display(), "starts_on": m.starts_on, "ends_on": m.ends_on}
        for m in Membership.objects.filter(user=user).select_related("unit").order_by("unit__name")
    ] + [
        {"unit": p.unit.name, "role": p.get_role_display(), "starts_on": p.starts_on, "ends_on": p.ends_on}
        for p in PlannedRole.objects.filter(user=user).select_related("unit")
    ]
    committees = [
        {"committee": c.committee.name, "side": c.get_side_display(), "position": c.get_position_display()}
        for c in CommitteeMember.objects.filter(user=user).select_related("committee")
    ]
    tokens = [
        {"name": t.name, "created": t.created, "last_used": t.last_used, "revoked": t.revoked}
        for t in PersonalToken.objects.filter(user=user)
    ]
    return [
        Section("profile", _("Profil"), rows([profile])),
        Section("roles", _("Roller"), rows(roles)),
        Section("committees", _("MED-udvalg"), rows(committees)),
        Section("api_tokens", _("Dine API-nøgler (aldrig selve nøglen)"), rows(tokens)),
    ]


def collect(user: User) -> list[Section]:
    """Every kind of data about `user`, one Section each; empty ones too, so the person sees there is
    nothing."""
    return sections_for(user)


def as_json(user: User, sections: list[Section]) -> bytes:
    document = {
        "format": FORMAT_VERSION,
        "made": timezone.localtime().isoformat(timespec="seconds"),
        **{s.key: s.rows for s in sections},
        "notes": {s.key: s.note for s in sections if s.note},
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def for_pdf(sections: list[Section]) -> list[dict]:
    """The sections with each row's fields labelled, for the PDF template."""
    return [
        {
            "title": s.title,
            "note": s.note,
            "rows": [[(str(LABELS.get(k, k)), v) for k, v in row.items() if v] for row in s.rows],
        }
        for s in sections
    ]
