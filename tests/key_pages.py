"""Every page of the demo municipality, with who opens it: for the HTML checker (tests/test_html_validity.py)
and the reflow test at 320 px (tests/browser/test_reflow.py). A page added to the product belongs here."""

from __future__ import annotations

from django.urls import reverse

LEADER, EMPLOYEE, HR = "leder@eksempel.dk", "medarbejder@eksempel.dk", "hr@eksempel.dk"


def key_pages() -> list[tuple[str | None, str]]:
    """(e-mail of the person who opens it, or None for anyone; the address), from the demo's own data."""
    from handlekraft.dialogue.models import Meeting
    from handlekraft.experiments.models import Experiment, Proposal
    from handlekraft.mandates.models import DecisionArea, MandateQuestion, PokerSession
    from handlekraft.organisation.models import Committee, User
    from handlekraft.plan.models import Activity, FollowUp, Forum
    from handlekraft.pulse.models import Survey
    from handlekraft.stories.models import Story
    from handlekraft.summaries.models import Summary

    leader = User.objects.get(email=LEADER)
    unit = leader.primary_unit
    area = DecisionArea.objects.filter(unit=unit).order_by("pk").first()
    meeting = Meeting.objects.get(join_code="SOL234")
    story = Story.objects.published().order_by("pk").first()
    experiment = Experiment.objects.order_by("pk").first()
    proposal = Proposal.objects.order_by("pk").first()
    survey = Survey.objects.order_by("-pk").first()
    summary = Summary.objects.order_by("pk").first()
    forum = Forum.objects.order_by("pk").first()
    activity = Activity.objects.order_by("pk").first()
    follow_up = FollowUp.objects.order_by("pk").first()
    question = MandateQuestion.objects.order_by("pk").first()
    poker = PokerSession.objects.order_by("pk").first()
    committee = Committee.objects.order_by("pk").first()
    ext = unit.external_id
    pages: list[tuple[str | None, str]] = [
        (None, "/login/"),
        (None, "/login/kode/"),
        (None, "/adgangskode/nulstil/"),
        (None, "/tilgaengelighed/"),
        (None, "/privatliv/"),
        (None, "/m/"),
        (None, f"/m/{meeting.join_code}/"),
        (None, "/puls/"),
        (EMPLOYEE, "/"),
        (EMPLOYEE, "/raaderum/"),
        (EMPLOYEE, "/raaderum/maa-jeg-selv/?q=Må+jeg+selv+ringe+efter+en+vikar"),
        (EMPLOYEE, "/raaderum/spoergsmaal/"),
        (EMPLOYEE, "/historier/"),
        (EMPLOYEE, "/historier/ny/"),
        (EMPLOYEE, "/historier/mine/"),
        (EMPLOYEE, "/historier/fag/"),
        (EMPLOYEE, "/historier/abonner/"),
        (EMPLOYEE, "/proevehandlinger/"),
        (EMPLOYEE, "/proevehandlinger/ny/"),
        (EMPLOYEE, "/proevehandlinger/forenkling/"),
        (EMPLOYEE, "/proevehandlinger/forenkling/nyt/"),
        (EMPLOYEE, "/plan/"),
        (EMPLOYEE, "/profil/"),
        (EMPLOYEE, "/notifikationer/"),
        (EMPLOYEE, "/organisation/"),
        (EMPLOYEE, f"/organisation/enheder/{ext}/"),
        (EMPLOYEE, "/maaling/"),
        (LEADER, f"/raaderum/enheder/{ext}/"),
        (LEADER, f"/raaderum/enheder/{ext}/tavle/"),
        (LEADER, f"/raaderum/enheder/{ext}/nyt/"),
        (LEADER, f"/raaderum/enheder/{ext}/poker/"),
        (LEADER, area.get_absolute_url()),
        (LEADER, reverse("mandates:edit", args=[area.pk])),
        (HR, "/raaderum/aflaering/"),
        (LEADER, "/dialog/"),
        (LEADER, "/dialog/nyt/"),
        (LEADER, meeting.get_absolute_url()),
        (LEADER, f"/dialog/{meeting.pk}/rediger/"),
        (LEADER, f"/dialog/{meeting.pk}/skaerm/"),
        (LEADER, "/opsamling/"),
        (LEADER, "/plan/opfoelgning/"),
        (LEADER, "/plan/opfoelgning/ny/"),
        (LEADER, "/plan/kalender/"),
        (HR, "/plan/status/"),
        (HR, "/plan/onboarding/"),
        (LEADER, "/plan/onboarding/mine/"),
        (LEADER, "/plan/velkommen/"),
        (LEADER, f"/organisation/enheder/{ext}/engangskoder/"),
        (LEADER, "/api/"),
        (HR, "/maaling/ny/"),
        (HR, f"/maaling/{survey.pk}/"),
        (HR, f"/maaling/{survey.pk}/styring/"),
        (HR, f"/maaling/{survey.pk}/handleplaner/"),
        (HR, f"/organisation/udvalg/{committee.pk}/"),
    ]
    for who, obj in [
        (EMPLOYEE, story),
        (EMPLOYEE, experiment),
        (EMPLOYEE, proposal),
        (HR, summary),
        (LEADER, forum),
        (LEADER, activity),
        (LEADER, follow_up),
        (LEADER, question),
        (LEADER, poker),
    ]:
        if obj is not None:  # each is in the demo; tests/test_html_validity.py counts the pages
            pages.append((who, obj.get_absolute_url()))
    return pages
