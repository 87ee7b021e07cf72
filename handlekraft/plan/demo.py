"""Demo plan: the seed's "Aktørskab 2025–2026" exactly as written, with statuses as of late 2026,
follow-up items (two of them overdue), and two new leaders part-way through onboarding."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from handlekraft.dialogue.models import Meeting
from handlekraft.pulse.models import ActionPlan, Construct, Survey
from handlekraft.summaries.models import Summary

from . import status
from .models import Activity, FollowUp, Forum, Initiative, LeaderOnboarding, SuccessIndicator

TITLE = "Aktørskab 2025–2026"
DESCRIPTION = (
    "Mere handlekraft i fællesskab – ikke som et projekt, men som en måde at arbejde på. Temaer i "
    "direktionen og blandt lederne, dialogmøder i alle OMU'er, informations- og dialogmateriale til LMU'erne "
    "og opfølgning sammen med arbejdsmiljørapporterne i HU."
)
# Hovedudvalgets "Når vi lykkes", each with the pulse construct that measures it.
INDICATORS = [
    ("Mindre detailstyring – mere initiativ", "raaderum"),
    ("Hurtigere og mere smidig opgaveløsning", "handlekraft"),
    ("Bedre borgeroplevelser", "helhed"),
    ("Mere arbejdsglæde og motivation", "arbejdsglaede"),
    ("Trygge medarbejdere, der handler og bruger deres faglighed", "tryghed"),
    ("Opmærksomhed på fællesskabet fremfor siloer", "helhed"),
]
AREA_NAMES = {
    "SO": "Sundhed og omsorg",
    "SOC": "Socialområdet",
    "BF": "Børne- og familieområdet",
    "SD": "Skole- og dagtilbudsområdet",
    "ADM": "Administrationen",
}
DONE, RUNNING = Activity.Status.DONE, Activity.Status.RUNNING
MEETING, THEME, FOLLOW, MATERIAL = (
    Activity.Kind.MEETING,
    Activity.Kind.THEME,
    Activity.Kind.FOLLOW_UP,
    Activity.Kind.MATERIAL,
)
# (title, forum key, quarter, until quarter, day, kind, status, responsible e-mail)
ACTIVITIES = [
    ("Tema på DIR-seminar i november", "DIR", "2025Q4", "", date(2025, 11, 20), THEME, DONE, "karen.dahl"),
    ("Tema på KCL i december", "KCL", "2025Q4", "", date(2025, 12, 4), THEME, DONE, "karen.dahl"),
    (
        "Dialogmøde i OMU Administrationen",
        "OMU-ADM",
        "2025Q4",
        "",
        date(2025, 12, 10),
        MEETING,
        DONE,
        "charlotte.schmidt",
    ),
    (
        "Dialogmøde i OMU Sundhed og omsorg",
        "OMU-SO",
        "2026Q1",
        "",
        date(2026, 2, 24),
        MEETING,
        DONE,
        "peter.lund",
    ),
    (
        "Dialogmøde i OMU Socialområdet",
        "OMU-SOC",
        "2026Q1",
        "",
        date(2026, 3, 17),
        MEETING,
        DONE,
        "henrik.vestergaard",
    ),
    ("Informations- og dialogmaterialer", "HU", "2026Q2", "", None, MATERIAL, DONE, "hr"),
    (
        "Dialogmøde i OMU Børne- og familieområdet",
        "OMU-BF",
        "2026Q2",
        "",
        date(2026, 5, 12),
        MEETING,
        DONE,
        "anne.brandt",
    ),
    (
        "Dialogmøde i OMU Skole- og dagtilbudsområdet",
        "OMU-SD",
        "2026Q2",
        "",
        date(2026, 6, 9),
        MEETING,
        DONE,
        "jens.overgaard",
    ),
    ("Opfølgning ifm. arbejdsmiljørapporterne i HU", "HU", "2026Q3", "2026Q4", None, FOLLOW, RUNNING, "hr"),
    (
        "Indgå i arbejdet med attraktive arbejdspladser",
        "HU",
        "2026Q3",
        "2026Q4",
        None,
        THEME,
        RUNNING,
        "karen.dahl",
    ),
    (
        "Fortsat kobling til arbejdet med vision og forenkling",
        "DIR",
        "2026Q3",
        "2026Q4",
        None,
        THEME,
        RUNNING,
        "karen.dahl",
    ),
]
# (title, forum key, owner e-mail, due (days from the day the demo is built), status, source)
FOLLOW_UPS = [
    (
        "Opfølgning på møderne med lederne og direktionen i forhold til KKC",
        "DIR",
        "karen.dahl",
        timedelta(days=-15),
        FollowUp.Status.RUNNING,
        FollowUp.Source.DECISION,
    ),
    (
        "Tage »Hvad er aktørskab for os?« med i alle LMU'er i Sundhed og omsorg",
        "OMU-SO",
        "peter.lund",
        timedelta(days=17),
        FollowUp.Status.RUNNING,
        FollowUp.Source.MEETING,
    ),
    (
        "Aftale hjørneflag for vikarbestilling i afsnit A og B",
        "LMU-SO-SOL",
        "leder",
        timedelta(days=-8),
        FollowUp.Status.OPEN,
        FollowUp.Source.ACTION_PLAN,
    ),
    (
        "Beskrive onboarding af nye ledere med aktørskab som fast punkt",
        "HU",
        "hr",
        timedelta(days=62),
        FollowUp.Status.OPEN,
        FollowUp.Source.DECISION,
    ),
    (
        "Gode historier om aktørskab som fast punkt på ledermøderne",
        "KCL",
        "karen.dahl",
        timedelta(days=-59),
        FollowUp.Status.DONE,
        FollowUp.Source.DECISION,
    ),
]
# New leaders: (e-mail, unit, started, met TR and AMR on), in days from the day the demo is built
NEW_LEADERS = [
    ("leder", "SO-SOL", timedelta(days=-119), timedelta(days=-101)),
    ("pia.mortensen", "SD-NORD", timedelta(days=-58), None),
]


def email(key: str) -> str:
    return key if "@" in key else f"{key}@eksempel.dk"


@transaction.atomic
def build(org) -> None:
    forums = build_forums(org)
    initiative, _ = Initiative.objects.update_or_create(
        title=TITLE,
        defaults={"description": DESCRIPTION, "first_quarter": "2025Q4", "last_quarter": "2026Q4"},
    )
    constructs = {c.key: c for c in Construct.objects.all()}
    initiative.indicators.all().delete()
    SuccessIndicator.objects.bulk_create(
        SuccessIndicator(initiative=initiative, text=text, construct=constructs.get(key), order=n)
        for n, (text, key) in enumerate(INDICATORS)
    )
    activities = {}
    for title, forum, quarter, until, day, kind, status_, responsible in ACTIVITIES:
        activities[title], _ = Activity.objects.update_or_create(
            initiative=initiative,
            title=title,
            defaults={
                "forum": forums[forum],
                "quarter": quarter,
                "until_quarter": until,
                "day": day,
                "kind": kind,
                "status": status_,
                "responsible": org.people.get(email(responsible)),
            },
        )
    link(activities, org)
    build_follow_ups(org, forums, activities)
    build_onboardings(org)
    status.compute()


def build_follow_ups(org, forums: dict[str, Forum], activities: dict[str, Activity]) -> None:
    today = timezone.localdate()
    meeting = Meeting.objects.filter(committee=org.committees["OMU-SO"]).first()
    action_plan = ActionPlan.objects.filter(unit=org.units["SO-SOL"]).order_by("-created").first()
    for title, forum, owner, due, status_, source in FOLLOW_UPS:
        FollowUp.objects.update_or_create(
            title=title,
            defaults={
                "forum": forums[forum],
                "owner": org.people[email(owner)],
                "due": today + due,
                "status": status_,
                "source": source,
                "created_by": org.people["hr@eksempel.dk"],
                "meeting": meeting if source == FollowUp.Source.MEETING else None,
                "action_plan": action_plan if source == FollowUp.Source.ACTION_PLAN else None,
                "activity": activities["Opfølgning ifm. arbejdsmiljørapporterne i HU"]
                if forum == "HU"
                else None,
            },
        )


def build_onboardings(org) -> None:
    """Leader memberships made by the demo start an onboarding each; only the two new leaders are new."""
    today = timezone.localdate()
    new = []
    for key, unit, started, met in NEW_LEADERS:
        row, _ = LeaderOnboarding.objects.update_or_create(
            leader=org.people[email(key)],
            unit=org.units[unit],
            defaults={"started": today + started, "met_representatives_on": today + met if met else None},
        )
        new.append(row.pk)
    LeaderOnboarding.objects.exclude(pk__in=new).delete()


def build_forums(org) -> dict[str, Forum]:
    forums = {}
    rows = [
        ("DIR", "Direktionen (DIR)", "DIR", Forum.Kind.LEADERS, None, "Direktionens møder og seminarer"),
        ("KCL", "KCL – chefer og ledere", "KCL", Forum.Kind.LEADERS, None, "Kommunens chef- og lederforum"),
        ("HU", "Hovedudvalget (HU)", "HU", Forum.Kind.COMMITTEE, "HU", ""),
        *(
            (f"OMU-{key}", f"OMU {name}", f"OMU {key}", Forum.Kind.COMMITTEE, f"OMU-{key}", "")
            for key, name in AREA_NAMES.items()
        ),
        ("LMU-SO-SOL", "LMU Plejecenter Solhaven", "LMU Solhaven", Forum.Kind.COMMITTEE, "LMU-SO-SOL", ""),
    ]
    for order, (key, name, short, kind, committee, description) in enumerate(rows):
        forums[key], _ = Forum.objects.update_or_create(
            name=name,
            defaults={
                "short_name": short,
                "kind": kind,
                "committee": org.committees.get(committee) if committee else None,
                "description": description,
                "order": order,
            },
        )
    return forums


def link(activities: dict[str, Activity], org) -> None:
    """The meetings, opsamling, pulse rounds and action plans that carry the activities out."""
    follow = activities["Opfølgning ifm. arbejdsmiljørapporterne i HU"]
    follow.surveys.set(Survey.objects.filter(unit=org.units["EK"]))
    follow.action_plans.set(ActionPlan.objects.all()[:20])
    follow.summaries.set(Summary.objects.all()[:5])
    material = activities["Informations- og dialogmaterialer"]
    material.meetings.set(Meeting.objects.filter(committee=org.committees.get("LMU-SO-SOL")))
