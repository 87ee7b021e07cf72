"""Demo opsamling of the demo's dialogue meetings, including the seed's own workshop."""

from __future__ import annotations

from django.db import transaction

from handlekraft.dialogue.models import Meeting

from . import services
from .models import Summary

TITLE = "Opsamling på workshop og HU-temadag om styrket aktørskab"
ADDITIONAL = """Nødvendigheden af rammesætning træder tydeligt frem
Der skal være sikker opbakning fra organisationen, også når der kommer pres fra politisk side eller fra medierne
Fokus på de eksempler på aktørskab, der allerede gøres, og dialog om friktioner
Denne form for ledelse stiller krav til ledernes relationelle kompetencer og emotionelle intelligens
Initiativ og handling skal altid ske med blik for helheden og være koordineret"""
SUCCEEDING = """Mindre detailstyring – mere initiativ
Hurtigere og mere smidig opgaveløsning
Bedre borgeroplevelser
Mere arbejdsglæde og motivation
Trygge medarbejdere, der handler og bruger deres faglighed
Opmærksomhed på fællesskabet frem for siloer"""
SUMMING_UP = """Der er konsensus om mere handlekraft i fællesskab – ikke som et projekt, men som en måde at
arbejde på. Det kræver ledelsesmæssig tydelighed, psykologisk tryghed, kulturarbejde, fælles sprog og en
vedvarende indsats for at bringe medarbejdernes faglighed og initiativ i spil."""
BARRIERS = """Uklarhed i relationer eller manglende tillid mellem leder, TR, AMR og medarbejdere
Uklart råderum: mandat, rammer og forventninger er ikke tydelige
Manglende støtte, tid og værktøjer hos lederne
Utryghed, usikkerhed og frygt for fejl
Kultur, vaner og faglige forskelle
Manglende anerkendelse og synlighed"""
WAY_FORWARD = """Dialogmøder i alle OMU'er i 2026
Informations- og dialogmateriale til LMU'erne: Hvad er aktørskab for os?
Opfølgning i forbindelse med arbejdsmiljørapporterne i HU"""


@transaction.atomic
def build(org) -> None:
    summary = Summary.objects.filter(title=TITLE).first()
    if summary is None:
        summary = Summary.objects.create(title=TITLE, created_by=org.people.get("hr@eksempel.dk"))
    summary.additional, summary.way_forward = ADDITIONAL, WAY_FORWARD
    summary.succeeding, summary.summing_up, summary.barriers = SUCCEEDING, SUMMING_UP, BARRIERS
    summary.save()
    summary.meetings.set(
        Meeting.objects.filter(
            title__in=[
                "Workshop og HU-temadag om styrket aktørskab",
                "Hvad er aktørskab for os? – LMU Solhaven",
            ]
        )
    )
    if not summary.themes.exists():
        services.run(summary)
