"""Demo dialogue meetings: the seed's own workshop as a closed meeting with its points as notes, and an
open meeting with a printed join code for trying the participant flow on a phone."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .material import ensure_templates
from .models import Meeting, MeetingTemplate, Note, NoteGroup, Participant, Poll, PollOption, Vote

WORKSHOP = "Workshop og HU-temadag om styrket aktørskab"
OPEN_MEETING = "Hvad er aktørskab for os? – LMU Solhaven"
OPEN_CODE = "SOL234"  # printed by `manage.py demo`, so the participant page can be tried at once

# The seed's three columns, point for point; (group, text, way forward)
WORKSHOP_NOTES = {
    "mening": [
        ("Ansvar og initiativ", "At tage ansvar og handle med faglighed og initiativ", False),
        ("Ansvar og initiativ", "Styrket motivation, ejerskab og handlekraft", False),
        ("Tryghed", "Tryghed til at prøve nyt – det er ok at fejle", False),
        ("", "Respekt for lokale forskelle – aktørskab ser forskelligt ud", False),
        ("", "Anerkend, når aktørskab sker: »Det dér, det er godt aktørskab!«", True),
    ],
    "svar": [
        ("Rammer og retning", "Hvad er de klare rammer og forventninger?", False),
        ("Rammer og retning", "Hvor kan ledere give slip – og stadig sikre retning?", True),
        ("", "Skal aktørskab have et nyt navn? (medledelse, samledelse, virkelyst, handlekraft?)", False),
        ("", "Gerne flere konkrete eksempler på fagniveauer", True),
    ],
    "opmaerksom": [
        ("Tillid og tryghed", "Tydelige hjørneflag, tillid og psykologisk tryghed", False),
        ("Ledernes muligheder", "Ledere skal have tid til at frisætte og støtte", False),
        ("Kultur og tempo", "Kulturforandring tager tid – gamle vaner fylder nogle steder", False),
        ("", "Mindre detailstyring, mere handlekraft og smidighed", False),
        ("", "Spot på det vi er fælles om, og hvor vi er forskellige", False),
        ("Kultur og tempo", "Sænk tempoet", True),
    ],
}
# Notes the facilitator marked for the opsamling's sections "Når vi lykkes" and "Potentielle barrierer".
REPORT_MARKED = {
    "Styrket motivation, ejerskab og handlekraft": "succeeding",
    "Tryghed til at prøve nyt – det er ok at fejle": "succeeding",
    "Kulturforandring tager tid – gamle vaner fylder nogle steder": "barriers",
    "Ledere skal have tid til at frisætte og støtte": "barriers",
}
NAMES = ["aktørskab", "medledelse", "samledelse", "virkelyst", "handlekraft"]
VOTES = [0, 0, 0, 1, 4, 4, 2, 0, 3, 4, 1, 0]  # one vote per workshop participant


@transaction.atomic
def build(org) -> None:
    ensure_templates(MeetingTemplate)
    build_workshop(org)
    meeting = build_open_meeting(org)
    org.notes.append(
        f"Prøv et dialogmøde som deltager (uden login), fx på din telefon: http://127.0.0.1:8000/m/{meeting.join_code}/"
    )


def build_workshop(org) -> None:
    """HU's closed workshop, with its notes in groups, the way forward and a closed poll."""
    workshop = Meeting.objects.filter(title=WORKSHOP).first() or Meeting(title=WORKSHOP)
    workshop.committee, workshop.status = org.committees.get("HU"), Meeting.Status.CLOSED
    workshop.starts_at = timezone.now() - timedelta(days=60)
    workshop.columns = MeetingTemplate._meta.get_field("columns").default()
    workshop.created_by = org.people.get("hr@eksempel.dk")
    workshop.save()
    workshop.facilitators.set([u for u in [org.people.get("hr@eksempel.dk")] if u])
    if workshop.notes.exists():
        return
    people = [Participant.join(workshop) for _ in range(len(VOTES))]
    groups: dict = {}
    for column, notes in WORKSHOP_NOTES.items():
        for n, (group_name, text, forward) in enumerate(notes):
            if group_name and (column, group_name) not in groups:
                groups[(column, group_name)] = NoteGroup.objects.create(
                    meeting=workshop, name=group_name, column=column, revision=workshop.bump()
                )
            revision = workshop.bump()
            Note.objects.create(
                meeting=workshop,
                owner_hash=Note.owner_of(people[n % len(people)][1], f"demo-{column}-{n}"),
                client_id=f"demo-{column}-{n}",
                column=column,
                text=text,
                group=groups.get((column, group_name)) if group_name else None,
                way_forward=forward,
                report_mark=REPORT_MARKED.get(text, ""),
                revision=revision,
                first_revision=revision,
            )
    poll = Poll.objects.create(
        meeting=workshop, question="Skal aktørskab have et nyt navn?", is_open=False, revision=workshop.bump()
    )
    options = [PollOption.objects.create(poll=poll, text=name, order=i) for i, name in enumerate(NAMES)]
    Vote.objects.bulk_create(
        [Vote(option=options[i], participant=p) for i, (p, _raw) in zip(VOTES, people, strict=True)]
    )


def build_open_meeting(org) -> Meeting:
    """The LMU's open meeting with the known join code and an open poll, to try as a participant."""
    meeting = Meeting.objects.filter(title=OPEN_MEETING).first() or Meeting(title=OPEN_MEETING)
    template = MeetingTemplate.objects.filter(name="Hvad er aktørskab for os?").first()
    meeting.committee, meeting.template = org.committees.get("LMU-SO-SOL"), template
    meeting.status = Meeting.Status.OPEN
    meeting.columns = template.columns if template else MeetingTemplate._meta.get_field("columns").default()
    meeting.starts_at = meeting.starts_at or timezone.now()
    if not Meeting.objects.filter(join_code=OPEN_CODE).exclude(pk=meeting.pk).exists():
        meeting.join_code = OPEN_CODE
    meeting.created_by = org.people.get("leder@eksempel.dk")
    meeting.save()
    meeting.facilitators.set(
        [u for u in [org.people.get("leder@eksempel.dk"), org.people.get("tr@eksempel.dk")] if u]
    )
    if not meeting.polls.exists():
        poll = Poll.objects.create(
            meeting=meeting, question="Hvad skal vi kalde det hos os?", revision=meeting.bump()
        )
        for i, name in enumerate(NAMES):
            PollOption.objects.create(poll=poll, text=name, order=i)
    return meeting
