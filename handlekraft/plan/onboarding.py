"""A new leader's onboarding checklist, computed from what really happened in the leader's unit.

`progress(onboardings)` answers for many leaders at once with one query per item (not per leader), so the
front page and HR's overview cost the same few queries whatever their number. Only "met TR and AMR" is
ticked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.material import TEMPLATES
from handlekraft.dialogue.models import Meeting
from handlekraft.experiments.models import Experiment
from handlekraft.mandates.models import DecisionArea, PokerSession
from handlekraft.organisation.models import Membership, Role
from handlekraft.pulse.models import ActionPlan, Survey
from handlekraft.stories.models import Recognition, Story

from .models import LeaderOnboarding

WHAT_IS_AGENCY = TEMPLATES[0]["name"]  # "Hvad er aktørskab for os?"
FIRST_YEAR = timedelta(days=365)  # the checklist shows for a leader's first year

ITEMS = [
    ("raaderum", _("Enheden har gældende beslutningsområder, der er gennemgået inden for det seneste år")),
    ("hvad-er-aktoerskab", _("Enheden har holdt mødet »Hvad er aktørskab for os?«")),
    ("delegationspoker", _("I har spillet delegationspoker")),
    ("historie", _("En historie fra enheden er delt, eller du har anerkendt en historie")),
    ("proevehandling", _("Enheden har sat en prøvehandling i gang")),
    ("handleplan", _("Det seneste måleresultat har en handleplan")),
    ("tr-amr", _("Du har mødt enhedens TR og AMR")),
]
KEYS = [key for key, _label in ITEMS]


@dataclass
class Item:
    key: str
    label: str
    done: bool
    link: str = ""
    link_text: str = ""
    note: str = ""


@dataclass
class Progress:
    onboarding: LeaderOnboarding
    items: list[Item]
    representatives: list[Membership]

    @property
    def done_count(self) -> int:
        return sum(item.done for item in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def complete(self) -> bool:
        return self.done_count == self.total


def _in_subtrees(units, field: str = "unit__path") -> Q:
    query = Q(pk__in=[])
    for unit in units:
        query |= Q(**{f"{field}__startswith": unit.path})
    return query


def progress(onboardings: list[LeaderOnboarding], with_representatives: bool = True) -> list[Progress]:
    """The checklist for each onboarding (with `leader` and `unit` loaded). Four queries in all."""
    if not onboardings:
        return []
    units = {o.unit_id: o.unit for o in onboardings}
    unit_ids, leader_ids = list(units), {o.leader_id for o in onboardings}

    # One UNION query answers six items for every unit: (what, unit id or path or leader id).
    text = CharField()
    found = set(
        DecisionArea.objects.reviewed_recently()
        .filter(unit_id__in=unit_ids)
        .order_by()
        .values_list(Value("raaderum", output_field=text), Cast("unit_id", text))
        .union(
            Meeting.objects.filter(
                unit_id__in=unit_ids, template__name=WHAT_IS_AGENCY, status=Meeting.Status.CLOSED
            )
            .order_by()
            .values_list(Value("hvad-er-aktoerskab", output_field=text), Cast("unit_id", text)),
            Meeting.objects.filter(
                committee__unit_id__in=unit_ids, template__name=WHAT_IS_AGENCY, status=Meeting.Status.CLOSED
            )
            .order_by()
            .values_list(Value("hvad-er-aktoerskab", output_field=text), Cast("committee__unit_id", text)),
            PokerSession.objects.filter(unit_id__in=unit_ids, status=PokerSession.Status.CLOSED)
            .order_by()
            .values_list(Value("delegationspoker", output_field=text), Cast("unit_id", text)),
            Story.objects.filter(_in_subtrees(units.values()), status=Story.Status.PUBLISHED)
            .order_by()
            .values_list(Value("historie", output_field=text), "unit__path"),
            Recognition.objects.filter(user_id__in=leader_ids)
            .order_by()
            .values_list(Value("anerkendt", output_field=text), Cast("user_id", text)),
            Experiment.objects.filter(
                _in_subtrees(units.values()),
                status__in=[Experiment.Status.RUNNING, Experiment.Status.EVALUATING, Experiment.Status.DONE],
            )
            .order_by()
            .values_list(Value("proevehandling", output_field=text), "unit__path"),
        )
    )
    reviewed = {int(ref) for what, ref in found if what == "raaderum"}
    met = {int(ref) for what, ref in found if what == "hvad-er-aktoerskab"}
    poker = {int(ref) for what, ref in found if what == "delegationspoker"}
    story_paths = {ref for what, ref in found if what == "historie"}
    recognisers = {int(ref) for what, ref in found if what == "anerkendt"}
    experiment_paths = {ref for what, ref in found if what == "proevehandling"}
    # The newest closed survey that asked each unit, then whether that unit has a plan for it.
    surveys = list(
        Survey.objects.filter(closed_at__isnull=False).select_related("unit").order_by("-closed_at")[:50]
    )
    latest = {}
    for unit in units.values():
        latest[unit.pk] = next((s for s in surveys if unit.is_within(s.unit)), None)
    planned = set(
        ActionPlan.objects.filter(
            survey_id__in={s.pk for s in latest.values() if s}, unit_id__in=unit_ids, actions__isnull=False
        ).values_list("survey_id", "unit_id")
    )
    representatives: dict[int, list[Membership]] = {}
    for membership in (
        []
        if not with_representatives
        else (
            Membership.objects.filter(
                unit_id__in=unit_ids, role__in=[Role.TR, Role.AMR], user__is_active=True
            )
            .select_related("user")
            .order_by("role", "user__name")
        )
    ):
        representatives.setdefault(membership.unit_id, []).append(membership)

    result = []
    for onboarding in onboardings:
        unit = onboarding.unit
        survey = latest[unit.pk]
        done = {
            "raaderum": unit.pk in reviewed,
            "hvad-er-aktoerskab": unit.pk in met,
            "delegationspoker": unit.pk in poker,
            "historie": _within_any(story_paths, unit.path) or onboarding.leader_id in recognisers,
            "proevehandling": _within_any(experiment_paths, unit.path),
            "handleplan": survey is not None and (survey.pk, unit.pk) in planned,
            "tr-amr": onboarding.met_representatives_on is not None,
        }
        links = _links(unit, survey)
        items = []
        for key, label in ITEMS:
            link, link_text = links.get(key, ("", ""))
            note = (
                _("Der er ikke kommet et måleresultat for enheden endnu.")
                if key == "handleplan" and not survey
                else ""
            )
            items.append(Item(key, str(label), done[key], link, str(link_text), str(note)))
        result.append(Progress(onboarding, items, representatives.get(unit.pk, [])))
    return result


def _within_any(paths: set[str], unit_path: str) -> bool:
    return any(path.startswith(unit_path) for path in paths)


def _links(unit, survey) -> dict[str, tuple[str, str]]:
    links = {
        "raaderum": (reverse("mandates:unit", args=[unit.external_id]), _("Gennemgå råderummet")),
        "hvad-er-aktoerskab": (reverse("dialogue:meetings"), _("Planlæg mødet")),
        "delegationspoker": (
            reverse("mandates:poker-list", args=[unit.external_id]),
            _("Spil delegationspoker"),
        ),
        "historie": (reverse("stories:feed"), _("Læs og anerkend historier")),
        "proevehandling": (reverse("experiments:create"), _("Start en prøvehandling")),
    }
    if survey is not None:
        url = reverse("results:action-plan", args=[survey.pk]) + f"?enhed={unit.external_id}"
        links["handleplan"] = (url, _("Skriv handleplanen"))
    return links


def current(user):
    """The leader's onboardings in their first year, in units they still lead."""
    since = timezone.localdate() - FIRST_YEAR
    led = [m.unit_id for m in user.memberships if m.role == Role.LEADER]
    return LeaderOnboarding.objects.filter(leader=user, unit_id__in=led, started__gte=since)


def for_leader(user) -> list[Progress]:
    if not getattr(user, "is_authenticated", False):
        return []
    return progress(list(current(user).select_related("unit", "leader")))
