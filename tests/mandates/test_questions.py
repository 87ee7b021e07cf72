"""'Spørg om råderummet': asking, notifying, answering, creating from a question, and aflæring."""

from __future__ import annotations

import pytest
from django.urls import reverse

from handlekraft.mandates.models import DecisionArea, MandateQuestion
from handlekraft.notifications.models import Notification
from handlekraft.organisation.models import Committee, CommitteeMember
from tests.conftest import CAST, delivered


@pytest.fixture
def vikar(cast):
    return DecisionArea.objects.create(unit=cast.area, title="Valg af vikar", level=7, keywords="vikar")


def ask(client, text="Må jeg selv ringe efter en vikar?"):
    return client.post(reverse("mandates:ask"), {"text": text})


def test_an_employee_asks_and_the_leader_is_notified_and_sees_it_on_the_front_page(client_as, cast, vikar):
    response = ask(client_as("employee"))
    question = MandateQuestion.objects.get()
    assert response["Location"] == question.get_absolute_url()
    assert question.unit == cast.unit and question.asker == cast.employee
    note = Notification.objects.get(recipient=cast.leader, kind="mandate_question")
    assert "Anders Ansat" in note.title and note.url == question.get_absolute_url()
    assert delivered()[0].to == ["leder@test.dk"]
    home = client_as("leader").get(reverse("home")).content.decode()
    assert "Spørgsmål, der venter på dit svar" in home and "Må jeg selv ringe efter en vikar?" in home


def test_the_leader_answers_by_pointing_to_an_area_and_that_counts_as_aflaering(client_as, cast, vikar):
    ask(client_as("employee"))
    question = MandateQuestion.objects.get()
    client_as("leader").post(question.get_absolute_url(), {"area": vikar.pk, "text": "Ja, det må du."})
    question.refresh_from_db()
    assert question.status == "besvaret" and question.answer_area == vikar and question.already_allowed
    assert Notification.objects.filter(recipient=cast.employee, kind="mandate_answer").exists()
    html = client_as("employee").get(question.get_absolute_url()).content.decode()
    assert "Ja, det må du." in html and "Ja, I beslutter selv." in html
    unit_page = client_as("leader").get(reverse("mandates:unit", args=["D"])).content.decode()
    assert "af 1 besvarede spørgsmål" in unit_page


def test_the_leader_creates_an_area_from_the_question(client_as, cast):
    ask(client_as("employee"), "Må vi selv købe blomster til en kollega?")
    question = MandateQuestion.objects.get()
    form = client_as("leader").get(reverse("mandates:create", args=["D"]) + f"?spoergsmaal={question.pk}")
    assert "Må vi selv købe blomster til en kollega?" in form.content.decode()
    data = {
        "title": "Blomster til kolleger",
        "level": 6,
        "status": "gaeldende",
        "version": 0,
        "applies_to_subunits": "on",
    }
    client_as("leader").post(reverse("mandates:create", args=["D"]) + f"?spoergsmaal={question.pk}", data)
    question.refresh_from_db()
    assert question.status == "besvaret" and question.answer_area.title == "Blomster til kolleger"
    assert question.already_allowed is False  # it was not in the råderum before
    assert Notification.objects.filter(recipient=cast.employee, kind="mandate_answer").exists()


@pytest.mark.parametrize("who", CAST)
def test_who_sees_and_answers_a_question(client_as, cast, vikar, who):
    ask(client_as("employee"))
    question = MandateQuestion.objects.get()
    view = client_as(who).get(question.get_absolute_url())
    answer = client_as(who).post(question.get_absolute_url(), {"area": vikar.pk, "text": "Svar"})
    expected_view = {"anonymous": 302, "employee": 200, "leader": 200, "hr": 200}.get(who, 403)
    assert view.status_code == expected_view
    if who in ("leader", "hr"):
        assert answer.status_code == 302
    else:
        assert answer.status_code in (302, 403) and (who == "anonymous" or answer.status_code == 403)
        question.refresh_from_db()
        assert question.status == "aaben"


def test_a_question_with_a_cpr_number_is_refused_and_not_saved(client_as, cast):
    response = ask(client_as("employee"), "Borgeren 010190-1009 vil have en vikar")
    assert response.status_code == 400 and "CPR-nummer" in response.content.decode()
    assert MandateQuestion.objects.count() == 0


def test_aflaering_page_is_for_hu_and_hr(client_as, cast, vikar):
    ask(client_as("employee"))
    question = MandateQuestion.objects.get()
    question.answer(cast.leader, vikar, "Ja")
    assert client_as("hr").get(reverse("mandates:unlearning")).status_code == 200
    assert client_as("employee").get(reverse("mandates:unlearning")).status_code == 403
    hu = Committee.objects.create(name="HU", kind="HU", unit=cast.kommune)
    CommitteeMember.objects.create(committee=hu, user=cast.tr, side="medarbejdere", position="medlem")
    html = client_as("tr").get(reverse("mandates:unlearning")).content.decode()
    assert "100 %" in html and "Område Syd" in html


def test_overdue_reviews_are_listed_for_the_leader(client_as, cast):
    from datetime import date

    DecisionArea.objects.create(unit=cast.team, title="Gammel aftale", level=5, review_date=date(2020, 1, 1))
    assert "Gammel aftale" in client_as("leader").get(reverse("home")).content.decode()
    assert "Gammel aftale" not in client_as("employee").get(reverse("home")).content.decode()


def test_the_front_page_stays_within_ten_queries_for_a_busy_leader(
    client_as, cast, vikar, django_assert_max_num_queries
):
    for i in range(20):
        MandateQuestion.objects.create(asker=cast.employee, unit=cast.unit, text=f"Spørgsmål {i}")
    client = client_as("leader")
    with django_assert_max_num_queries(10):
        assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize(
    "page", ["questions", "question", "unlearning", "board", "poker", "poker-list", "poker-start"]
)
def test_more_pages_cost_at_most_ten_queries(client_as, cast, vikar, page, django_assert_max_num_queries):
    from handlekraft.mandates.models import PokerSession, PokerVote

    for i in range(15):
        DecisionArea.objects.create(unit=cast.unit, title=f"Område {i}", level=1 + i % 7, desired_level=7)
        MandateQuestion.objects.create(asker=cast.employee, unit=cast.unit, text=f"Spørgsmål {i}")
    question = MandateQuestion.objects.first()
    session = PokerSession.objects.create(unit=cast.unit, title="Poker", current_area=vikar, revealed=True)
    session.areas.set(DecisionArea.objects.filter(unit=cast.unit))
    for user in (cast.leader, cast.employee, cast.tr, cast.amr):
        PokerVote.objects.create(session=session, area=vikar, round=1, voter=user, level=5)
    url = {
        "questions": reverse("mandates:questions"),
        "question": question.get_absolute_url(),
        "unlearning": reverse("mandates:unlearning"),
        "board": reverse("mandates:board", args=["D"]),
        "poker": session.get_absolute_url(),
        "poker-list": reverse("mandates:poker-list", args=["D"]),
        "poker-start": reverse("mandates:poker-start", args=["D"]),
    }[page]
    client = client_as("hr")
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_the_pdf_needs_login(client_as, cast):
    assert client_as("anonymous").get(reverse("mandates:pdf", args=["D"])).status_code == 302


def test_a_middle_managers_question_goes_to_the_leader_above(client_as, cast, vikar):
    from handlekraft.organisation.models import Membership, Role
    from tests.conftest import make_user

    boss = make_user("chef@test.dk", "Carla Chef", cast.area, Role.LEADER)
    ask(client_as("leader"), "Må jeg selv ansætte en afdelingssygeplejerske?")
    question = MandateQuestion.objects.get()
    assert Notification.objects.filter(recipient=boss, kind="mandate_question").exists()
    assert not Notification.objects.filter(recipient=cast.leader, kind="mandate_question").exists()
    # She cannot answer her own question; the leader above can.
    own_page = client_as("leader").get(question.get_absolute_url()).content.decode()
    assert 'name="text"' not in own_page
    assert Membership.objects.filter(user=boss, role=Role.LEADER).exists()


@pytest.fixture
def repairs(cast):
    return DecisionArea.objects.create(
        unit=cast.unit, title="Småreparationer og vedligehold", level=6, keywords="reparation, vedligehold"
    )


def answer(client, question, **data):
    return client.post(question.get_absolute_url(), {"text": "Ja, det må du.", **data})


def test_an_answered_question_made_searchable_is_found_next_time(client_as, cast, repairs):
    from handlekraft.mandates.search import can_i_decide

    asked = "Må jeg selv skifte en pære i fællesstuen?"
    assert not can_i_decide(cast.unit, asked).clear
    ask(client_as("employee"), "Lampen hos Karen er gået, må jeg skifte pæren?")
    question = MandateQuestion.objects.get()
    response = answer(client_as("leader"), question, area=repairs.pk, searchable=asked)
    assert response.status_code == 302
    repairs.refresh_from_db()
    assert repairs.asked_lines() == [asked] and repairs.version == 2
    assert repairs.versions.get(number=2).note == "Et spørgsmål er gjort søgbart"
    found = can_i_decide(cast.unit, asked)
    assert found.clear and found.best.area == repairs
    page = client_as("other").get(repairs.get_absolute_url()).content.decode()
    assert "Det har andre spurgt om" in page and asked in page and "Karen" not in page
    # The same question again adds nothing.
    ask(client_as("employee"), "Og en pære mere?")
    again = MandateQuestion.objects.filter(status="aaben").get()
    answer(client_as("leader"), again, area=repairs.pk, searchable=asked.lower())
    repairs.refresh_from_db()
    assert repairs.asked_lines() == [asked] and repairs.version == 2


@pytest.mark.parametrize(
    "data, message",
    [
        ({"searchable": "Må jeg skifte en pære?"}, "Vælg det beslutningsområde"),
        ({"area": "vikar", "searchable": "Må jeg ringe efter en vikar?"}, "kun dem, der kan ændre det"),
        ({"area": "repairs", "searchable": "Pæren hos 010190-1234"}, "CPR"),
    ],
)
def test_a_searchable_question_that_cannot_be_added_is_refused_next_to_the_field(
    client_as, cast, vikar, repairs, data, message
):
    ask(client_as("employee"))
    question = MandateQuestion.objects.get()
    data = {
        **data,
        **({"area": {"vikar": vikar, "repairs": repairs}[data["area"]].pk} if "area" in data else {}),
    }
    response = answer(client_as("leader"), question, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'id="id_searchable"' in html
    question.refresh_from_db()
    vikar.refresh_from_db()
    repairs.refresh_from_db()
    assert question.status == "aaben" and not vikar.asked and not repairs.asked  # nothing half done


def test_an_answer_without_a_searchable_question_leaves_the_area_as_it_was(client_as, cast, repairs):
    ask(client_as("employee"))
    answer(client_as("leader"), MandateQuestion.objects.get(), area=repairs.pk, searchable="")
    repairs.refresh_from_db()
    assert repairs.version == 1 and not repairs.asked
