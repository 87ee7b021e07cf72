"""The kinds of notification. Each module adds its own kinds here, so a person can choose per kind.

A kind is a key and a Danish label (translated through gettext).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

KINDS: dict[str, StrOrPromise] = {
    "announcement": _("Meddelelser fra HR og administrationen"),
    "job_finished": _("Når et baggrundsjob, jeg har startet, er færdigt"),
    "mandate_question": _("Når en medarbejder spørger om råderummet (ledere)"),
    "mandate_answer": _("Når mit spørgsmål om råderummet er besvaret"),
    "experiment_approval": _("Når en prøvehandling venter på min godkendelse (ledere)"),
    "experiment_decision": _("Når min prøvehandling er godkendt eller afvist"),
    "experiment_evaluation": _("Når min prøvehandling skal evalueres"),
    "proposal_received": _("Når et forenklingsforslag sendes til mig"),
    "proposal_status": _("Når mit forenklingsforslag får svar eller skifter status"),
    "story_consent": _("Når en kollega nævner mig i en historie og beder om mit samtykke"),
    "story_status": _("Når min historie bliver offentliggjort, får et nej til samtykke eller bliver skjult"),
    "story_recognised": _("Når en kollega anerkender min historie"),
    "story_digest": _("Ugentlig e-mail med nye historier fra mit område"),
    "pulse_result": _("Når resultatet af en måling er klar til dialog i min enhed (leder, TR og AMR)"),
    "follow_up_assigned": _("Når jeg bliver ansvarlig for et opfølgningspunkt"),
    "follow_up_reminder": _("Når et af mine opfølgningspunkter har overskredet fristen"),
}


def register(key: str, label) -> None:
    KINDS.setdefault(key, label)
