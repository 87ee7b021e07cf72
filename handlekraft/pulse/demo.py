"""Demo pulse: two rounds (2. and 4. kvartal 2026) across Eksempel Kommune with simulated answers.

About four in five people answer, so several small teams stay below the anonymity threshold and are
suppressed. Råderum and anerkendelse improve a little from the first round to the second.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from .bank import ensure_bank
from .models import Action, ActionPlan, Construct, Item, Survey
from .services import answer, close, make_codes

TITLE = "Puls på aktørskab"
ROUNDS = [("2026Q2", date(2026, 5, 4), date(2026, 5, 22)), ("2026Q4", date(2026, 11, 2), date(2026, 11, 20))]
BASE = {
    "raaderum": 2.3,
    "tryghed": 2.6,
    "stoette": 2.5,
    "anerkendelse": 2.1,
    "tillid": 2.7,
    "helhed": 2.4,
    "handlekraft": 2.2,
    "arbejdsglaede": 3.0,
}
LIFT = {"raaderum": 0.4, "anerkendelse": 0.3}
COMMENTS = [
    "Mere tid til at tale sammen om, hvad vi selv må beslutte.",
    "Det har hjulpet at vi selv vælger vikar.",
    "Vi savner at lederen er mere til stede i aftenvagten.",
    "Flere gode historier fra andre afdelinger, tak.",
    "",
    "",
]


@transaction.atomic
def build(org) -> None:
    ensure_bank(Construct, Item)
    if not Survey.objects.filter(title=TITLE).exists():
        build_rounds(org)
    build_plans(org)


PLANS = [
    (
        "SO-SOL",
        "leder@eksempel.dk",
        [
            ("Råderumsworkshop på personalemødet i januar", "raaderum", "igang", 45),
            ("Fast punkt på tavlemødet: hvem har gjort noget godt i dag?", "anerkendelse", "planlagt", 60),
        ],
    ),
    (
        "SO-HPN",
        "susanne.bech@eksempel.dk",
        [
            ("Delegationspoker om ruteplanlægning i dagteamet", "raaderum", "planlagt", 30),
            ("Lederen deltager i aftenvagtens overlevering hver anden uge", "stoette", "gennemfoert", 20),
        ],
    ),
]


def build_plans(org) -> None:
    latest = Survey.objects.filter(title=TITLE).order_by("-opens").first()
    if latest is None:
        return
    constructs = {c.key: c for c in Construct.objects.all()}
    for unit_key, owner, actions in PLANS:
        plan, _ = ActionPlan.objects.get_or_create(survey=latest, unit=org.units[unit_key])
        for text, construct, status, days in actions:
            Action.objects.update_or_create(
                plan=plan,
                text=text,
                defaults={
                    "owner": org.people.get(owner),
                    "construct": constructs.get(construct),
                    "status": status,
                    "due": latest.closes + timedelta(days=days),
                },
            )


def build_rounds(org) -> None:
    items = list(Item.objects.filter(in_default_pulse=True).select_related("construct"))
    previous = None
    for index, (round_, opens, closes) in enumerate(ROUNDS):
        today = timezone.localdate()  # open while the simulated people answer; then dated as it was
        survey = Survey.objects.create(
            title=TITLE,
            unit=org.units["EK"],
            opens=today - timedelta(days=1),
            closes=today + timedelta(days=1),
            round=round_,
            question="Hvad skal vi gøre mere af for at styrke aktørskab hos os?",
            previous=previous,
            created_by=org.people.get("hr@eksempel.dk"),
        )
        survey.items.set(items)
        rng = random.Random(2026 + index)
        for unit, raw in make_codes(survey):
            if rng.random() > 0.8:
                continue  # not everyone answers
            tilt = (zlib.crc32(unit.external_id.encode()) % 7 - 3) / 10
            answers = {}
            for item in items:
                mean = BASE[item.construct.key] + tilt + index * LIFT.get(item.construct.key, 0.1)
                value = min(4, max(0, round(rng.gauss(mean, 0.8))))
                answers[item.key] = (4 - value if item.reversed else value) if rng.random() > 0.05 else None
            answer(raw, answers, rng.choice(COMMENTS))
        Survey.objects.filter(pk=survey.pk).update(opens=opens, closes=closes)
        survey.refresh_from_db()
        close(survey)
        previous = survey
