"""A new leader's onboarding checklist, computed from what really happened in the leader's unit.

`progress(onboardings)` answers for many leaders at once with one query per item (not per leader), so the
front page and HR's overview cost the same few queries whatever their number. Only "met TR and AMR" is
ticked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handlekraft.dialogue.material import TEMPLATES
from handlekraft.dialogue.models import Meeting
from handlekraft.experiments.models import Experiment
from handlekraft.mandates.models import DecisionArea, PokerSession
from handlekraft.organisation.models import Membership, Role, Unit
from handlekraft.pulse.models import ActionPlan, Survey
from handlekraft.stories.models import Recognition, Story

from .models import LeaderOnboarding

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

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
    """The checklist for each onboarding (with `leader` and `unit` loaded). Four queries in all. Only what
    happened since the leader became the unit's leader counts: a predecessor's work ticks nothing."""
    if not onboardings:
        return []
    units = {o.unit_id: o.unit for o in onboardings}
    found = _found_in_other_apps(units, {o.leader_id for o in onboardings})
    latest = _latest_survey_of(units.values())
    planned: dict[tuple[int, int], date] = {}
    for survey_id, unit_id, created in ActionPlan.objects.filter(
        survey_id__in={s.pk for s in latest.values() if s}, unit_id__in=list(units), actions__isnull=False
    ).values_list("survey_id", "unit_id", "created"):
        day = timezone.localdate(created)
        planned[(survey_id, unit_id)] = max(planned.get((survey_id, unit_id), date.min), day)
    representatives = _representatives_of(list(units)) if with_representatives else {}
    result = []
    for onboarding in onboardings:
        unit, survey, since = onboarding.unit, latest[onboarding.unit_id], onboarding.started

        def here(item: str, unit=unit, since=since) -> bool:
            return found[item].get(str(unit.pk), date.min) >= since

        def below(item: str, unit=unit, since=since) -> bool:
            return any(path.startswith(unit.path) and when >= since for path, when in found[item].items())

        done = {
            "raaderum": here("raaderum"),
            "hvad-er-aktoerskab": here("hvad-er-aktoerskab"),
            "delegationspoker": here("delegationspoker"),
            "historie": below("historie")
            or found["anerkendt"].get(str(onboarding.leader_id), date.min) >= since,
            "proevehandling": below("proevehandling"),
            "handleplan": survey is not None and planned.get((survey.pk, unit.pk), date.min) >= since,
            "tr-amr": onboarding.met_representatives_on is not None,
        }
        result.append(Progress(onboarding, _items(unit, survey, done), representatives.get(unit.pk, [])))
    return result


def _found_in_other_apps(units: dict[int, Unit], leader_ids: set[int]) -> dict[str, dict[str, date]]:
    """One UNION query answers six items for every unit at once: for each item, the unit ids (or unit
    paths, or leader ids for "anerkendt") where it has been done, with the latest day it was done."""
    text, unit_ids = CharField(), list(units)

    def tagged(queryset, item: str, field: str, when):
        # Paths are text already; ids are cast, so every part of the UNION has two text columns and a date.
        ref = field if field.endswith("path") else Cast(field, text)
        # The local day (Copenhagen), as `started` is: TruncDate converts from UTC, a cast would not.
        day = TruncDate(when) if isinstance(when, str) else when
        return queryset.order_by().values_list(Value(item, output_field=text), ref, day)

    agency = {"template__name": WHAT_IS_AGENCY, "status": Meeting.Status.CLOSED}
    meeting_day = TruncDate(Coalesce("starts_at", "created"))
    running = [Experiment.Status.RUNNING, Experiment.Status.EVALUATING, Experiment.Status.DONE]
    rows = tagged(
        DecisionArea.objects.reviewed_recently().filter(unit_id__in=unit_ids),
        "raaderum",
        "unit_id",
        "updated",
    ).union(
        tagged(
            Meeting.objects.filter(unit_id__in=unit_ids, **agency),
            "hvad-er-aktoerskab",
            "unit_id",
            meeting_day,
        ),
        tagged(
            Meeting.objects.filter(committee__unit_id__in=unit_ids, **agency),
            "hvad-er-aktoerskab",
            "committee__unit_id",
            meeting_day,
        ),
        tagged(
            PokerSession.objects.filter(unit_id__in=unit_ids, status=PokerSession.Status.CLOSED),
            "delegationspoker",
            "unit_id",
            "created",
        ),
        tagged(
            Story.objects.filter(_in_subtrees(units.values()), status=Story.Status.PUBLISHED),
            "historie",
            "unit__path",
            TruncDate(Coalesce("published_at", "created")),
        ),
        tagged(Recognition.objects.filter(user_id__in=leader_ids), "anerkendt", "user_id", "created"),
        tagged(
            Experiment.objects.filter(_in_subtrees(units.values()), status__in=running),
            "proevehandling",
            "unit__path",
            "created",
        ),
    )
    found: dict[str, dict[str, date]] = {key: {} for key in [*KEYS, "anerkendt"]}
    for item, ref, when in set(rows):
        when = date.fromisoformat(when) if isinstance(when, str) else when
        if when is not None and when > found[item].get(ref, date.min):
            found[item][ref] = when
    return found


def _latest_survey_of(units) -> dict[int, Survey | None]:
    """The newest closed survey that asked each unit (its own, or one of a unit above)."""
    surveys = list(
        Survey.objects.filter(closed_at__isnull=False).select_related("unit").order_by("-closed_at")[:50]
    )
    return {unit.pk: next((s for s in surveys if unit.is_within(s.unit)), None) for unit in units}


def _representatives_of(unit_ids: list[int]) -> dict[int, list[Membership]]:
    representatives: dict[int, list[Membership]] = {}
    memberships = (
        Membership.objects.filter(unit_id__in=unit_ids, role__in=[Role.TR, Role.AMR], user__is_active=True)
        .select_related("user")
        .order_by("role", "user__name")
    )
    for membership in memberships:
        representatives.setdefault(membership.unit_id, []).append(membership)
    return representatives


def _items(unit, survey, done: dict[str, bool]) -> list[Item]:
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
    return items


def _within_any(paths: set[str], unit_path: str) -> bool:
    return any(path.startswith(unit_path) for path in paths)


def _links(unit, survey) -> dict[str, tuple[str, StrOrPromise]]:
    links: dict[str, tuple[str, StrOrPromise]] = {
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
