"""Every page's query budget at two sizes of the same municipality (DESIGN §6, issue 18).

The demo municipality is measured, then grown: 20 more teams with people, and four more copies of
every story, decision area, experiment, proposal, question, dialogue note, follow-up, activity and
notification. Each page must cost at most 10 queries at both sizes, and no more when the
data has grown: a page whose queries follow the data (one per row) fails here.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

GROWTH = 4  # copies added of every row of the growing tables


def _first(model, **filters):
    return model.objects.filter(**filters).order_by("pk").first()


def pages() -> list[tuple[str, str]]:
    """(who, url) for every page a person opens, filled in from the demo's own objects."""
    from handlekraft.dialogue.models import Meeting, Note
    from handlekraft.experiments.models import Experiment, Proposal
    from handlekraft.mandates.models import DecisionArea, MandateQuestion
    from handlekraft.organisation.models import Committee, Unit
    from handlekraft.plan.models import Activity, FollowUp, Forum
    from handlekraft.pulse.models import Survey
    from handlekraft.stories.models import Story
    from handlekraft.summaries.models import Summary

    unit = Unit.objects.get(external_id="SO-SOL")
    meeting = Meeting.objects.filter(notes__isnull=False).distinct().get()  # HU's workshop, run by HR
    survey = _first(Survey, closed_at__isnull=False, title="Puls på aktørskab")
    area = _first(DecisionArea, unit__external_id__startswith="SO")
    return [
        ("employee", reverse("home")),
        ("employee", reverse("organisation")),
        ("employee", unit.get_absolute_url()),
        ("employee", _first(Committee).get_absolute_url()),
        ("employee", reverse("profile")),
        ("employee", reverse("notifications")),
        ("employee", reverse("mandates:unit", args=["SO-SOL-A"])),
        ("employee", reverse("mandates:search") + "?q=vikar"),
        ("leader", reverse("mandates:unit", args=[unit.external_id])),
        ("leader", reverse("mandates:area", args=[area.pk])),
        ("leader", reverse("mandates:questions")),
        ("leader", reverse("mandates:question", args=[_first(MandateQuestion).pk])),
        ("leader", reverse("mandates:poker-list", args=[unit.external_id])),
        ("employee", reverse("experiments:board")),
        ("employee", reverse("experiments:detail", args=[_first(Experiment).pk])),
        ("leader", reverse("experiments:proposals")),
        ("leader", reverse("experiments:proposal", args=[_first(Proposal).pk])),
        ("employee", reverse("stories:feed")),
        ("employee", reverse("stories:feed") + "?q=borger"),
        ("employee", reverse("stories:mine")),
        ("employee", reverse("stories:professions")),
        ("employee", reverse("stories:detail", args=[_first(Story, status=Story.Status.PUBLISHED).pk])),
        ("leader", reverse("dialogue:meetings")),
        ("hr", meeting.get_absolute_url()),
        ("hr", reverse("dialogue:projector", args=[meeting.pk])),
        ("hr", reverse("dialogue:changes", args=[meeting.pk]) + "?rev=0"),
        ("hr", reverse("dialogue:move-note", args=[meeting.pk, _first(Note, meeting=meeting).pk])),
        ("hr", reverse("summaries:list")),
        ("hr", reverse("summaries:detail", args=[_first(Summary).pk])),
        ("leader", reverse("plan:timeline")),
        ("leader", reverse("plan:forum", args=[_first(Forum).pk])),
        ("leader", reverse("plan:activity", args=[_first(Activity).pk])),
        ("leader", reverse("plan:follow-ups")),
        ("leader", reverse("plan:follow-up", args=[_first(FollowUp).pk])),
        ("leader", reverse("plan:calendar")),
        ("hr", reverse("plan:status")),
        ("hr", reverse("plan:onboarding")),
        ("leader", reverse("plan:my-onboarding")),
        ("employee", reverse("plan:welcome")),
        ("hr", reverse("results:surveys")),
        ("hr", reverse("results:survey", args=[survey.pk]) + "?enhed=EK"),
        ("leader", reverse("results:survey", args=[survey.pk]) + "?enhed=SO-SOL"),
        ("hr", reverse("results:manage", args=[survey.pk])),
        ("hr", reverse("results:action-plans", args=[survey.pk])),
    ]


PEOPLE = {
    "employee": "medarbejder@eksempel.dk",
    "leader": "leder@eksempel.dk",
    "hr": "hr@eksempel.dk",
}


def _clone_rows(model, copies: int, change=None) -> None:
    rows = list(model.objects.all())
    for i in range(copies):
        clones = []
        for row in rows:
            row.pk = row.id = None
            if change is not None:
                change(row, i)
            clones.append(row)
        model.objects.bulk_create(clones)


def grow() -> None:
    from handlekraft.dialogue.models import Note
    from handlekraft.experiments.models import Experiment, Proposal
    from handlekraft.mandates.models import DecisionArea, MandateQuestion
    from handlekraft.notifications.models import Notification
    from handlekraft.organisation.models import Membership, Role, Unit, User
    from handlekraft.plan.models import Activity, FollowUp
    from handlekraft.stories.models import Story

    parent = Unit.objects.get(external_id="SO-SOL")
    for i in range(20):
        team = Unit.objects.create(
            external_id=f"GROW-{i}", name=f"Vokset team {i}", kind=Unit.Kind.TEAM, parent=parent
        )
        for j, role in enumerate([Role.LEADER, Role.TR, Role.EMPLOYEE, Role.EMPLOYEE]):
            person = User.objects.create_user(f"vokset{i}-{j}@eksempel.dk", name=f"Vokset {i}-{j}")
            Membership.objects.create(user=person, unit=team, role=role)
    for model in (
        Story,
        DecisionArea,
        Experiment,
        Proposal,
        MandateQuestion,
        FollowUp,
        Activity,
        Notification,
    ):
        _clone_rows(model, GROWTH)
    _clone_rows(Note, GROWTH, lambda note, i: setattr(note, "client_id", f"{note.client_id}-v{i}"))


def _queries(client: Client, url: str) -> int:
    client.get(url)  # the first request fills the caches (settings, the person's language)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def test_every_page_costs_at_most_ten_queries_at_both_sizes_and_none_more_when_grown(demo_org):
    from handlekraft.organisation.models import User

    clients = {}
    for who, email in PEOPLE.items():
        clients[who] = Client()
        clients[who].force_login(
            User.objects.get(email=email), backend="django.contrib.auth.backends.ModelBackend"
        )
    wanted = pages()
    small = {page: _queries(clients[page[0]], page[1]) for page in wanted}
    from handlekraft.dialogue.models import Note
    from handlekraft.stories.models import Story

    before = Story.objects.count(), Note.objects.count()
    grow()
    assert (Story.objects.count(), Note.objects.count()) == tuple((GROWTH + 1) * n for n in before)
    large = {page: _queries(clients[page[0]], page[1]) for page in wanted}
    measured = {page: (small[page], large[page]) for page in wanted}
    over = {page: counts for page, counts in measured.items() if max(counts) > 10 or counts[1] > counts[0]}
    assert not over, "\n".join(
        f"{who} {url}: {small} → {large} queries" for (who, url), (small, large) in over.items()
    )
