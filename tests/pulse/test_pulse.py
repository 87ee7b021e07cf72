"""Måling: anonymous by construction, single-use codes, suppression, the API (DESIGN §5)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from handlekraft.organisation.models import Unit
from handlekraft.pulse import services
from handlekraft.pulse.models import AnswerCode, Item, Response, Survey
from tests.conftest import CAST, make_user


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def open_survey(unit, **extra) -> Survey:
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="Puls",
        unit=unit,
        opens=today - timedelta(days=1),
        closes=today + timedelta(days=13),
        round="2026Q4",
        **extra,
    )
    survey.items.set(Item.objects.filter(in_default_pulse=True))
    return survey


def people(unit, n, prefix):
    return [make_user(f"{prefix}{i}@test.dk", f"Person {prefix}{i}", unit) for i in range(n)]


def answer_all(survey, value=3):
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, value))


def test_the_item_bank_has_eight_constructs_and_a_short_default_pulse(db):
    items = Item.objects.filter(in_default_pulse=True).select_related("construct")
    assert len({i.construct.key for i in items}) == 8
    assert all(2 <= Item.objects.filter(construct=c).count() <= 3 for c in {i.construct for i in items})
    assert len(items) * 10 <= 180  # about ten seconds an item: at most 3 minutes
    assert Item.objects.get(key="raaderum_aflaering").reversed


def test_no_column_links_a_response_to_a_person_or_a_code(db):
    fields = {f.name: f for f in Response._meta.get_fields() if f.concrete}
    assert set(fields) == {"id", "survey", "unit", "round", "answers", "comment"}
    assert not any(
        f.get_internal_type() in {"DateTimeField", "DateField", "GenericIPAddressField"}
        for f in fields.values()
    )
    assert fields["id"].get_internal_type() == "UUIDField"  # random ids carry no order
    code_fields = {f.name for f in AnswerCode._meta.get_fields() if f.concrete}
    assert code_fields == {"id", "survey", "unit", "code_hash", "used"}


def test_a_code_answers_once_and_is_stored_only_as_a_hash(cast):
    survey = open_survey(cast.unit)
    codes = services.make_codes(survey)
    assert len(codes) == 4  # the leader, the employee, the TR and the AMR of D: one code each
    _unit, raw = codes[0]
    assert not AnswerCode.objects.filter(code_hash=raw).exists()
    services.answer(raw, {"raaderum_ved": 4})
    with pytest.raises(services.Refused) as refused:
        services.answer(raw, {"raaderum_ved": 2})
    assert "allerede brugt" in refused.value.message
    assert Response.objects.count() == 1


def test_every_active_person_in_the_subtree_gets_one_code_labelled_with_their_unit(cast):
    survey = open_survey(cast.area)
    codes = services.make_codes(survey)
    by_unit = {}
    for unit, _raw in codes:
        by_unit[unit.external_id] = by_unit.get(unit.external_id, 0) + 1
    # D: leader, employee, TR, AMR (each once); O: other.
    assert by_unit == {"D": 4, "O": 1}


def test_a_four_person_unit_is_suppressed_and_a_five_person_unit_is_shown(cast):
    small = Unit.objects.create(external_id="S", name="Lille team", kind="team", parent=cast.kommune)
    people(small, 3, "s")  # + nobody else: 3 people
    survey = open_survey(cast.kommune)
    answer_all(survey)
    services.close(survey)
    assert services.result(survey, small).suppressed


def test_a_parent_with_children_of_8_and_4_does_not_reveal_the_4(db):
    root = Unit.objects.create(external_id="R", name="Område", kind="omraade")
    eight = Unit.objects.create(external_id="E", name="Otte", kind="team", parent=root)
    four = Unit.objects.create(external_id="F", name="Fire", kind="team", parent=root)
    people(eight, 8, "e")
    people(four, 4, "f")
    survey = open_survey(root)
    answer_all(survey)
    services.close(survey)
    parent, child8, child4 = (services.result(survey, u) for u in (root, eight, four))
    assert child4.suppressed
    assert parent.suppressed or child8.suppressed  # never both shown: 12 − 8 would give the 4
    assert not parent.suppressed and parent.responses == 12


def test_counts_and_results_stay_hidden_while_the_survey_is_open(cast, client_as):
    units = [cast.unit]
    people(cast.unit, 6, "d")
    survey = open_survey(cast.unit)
    answer_all(survey)
    body = client_as("hr").get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").json()
    assert body["suppressed"] is True and body["responses"] is None
    assert all(c["score"] is None for c in body["constructs"])
    post(client_as("hr"), f"/api/v1/pulse/surveys/{survey.pk}/close", {})
    body = client_as("hr").get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").json()
    assert body["suppressed"] is False and body["responses"] == 10 and units
    scores = {c["key"]: c["score"] for c in body["constructs"]}
    assert scores["tryghed"] == 75  # everyone answered 3 of 4
    assert scores["raaderum"] == round(25 * (3 + 3 + 1) / 3)  # the reversed item counts 4 − 3


class TestAPI:
    def test_hr_creates_a_survey_with_the_default_items(self, client_as, cast):
        today = timezone.localdate()
        response = post(
            client_as("hr"),
            "/api/v1/pulse/surveys",
            {"title": "Puls Q4", "unit": "A", "opens": str(today), "closes": str(today + timedelta(days=14))},
        )
        assert response.status_code == 201
        survey = client_as("hr").get(f"/api/v1/pulse/surveys/{response.json()['id']}").json()
        assert (
            survey["status"] == "aaben"
            and len(survey["items"]) == Item.objects.filter(in_default_pulse=True).count()
        )
        assert set(survey["items"][0]) == {"key", "text", "construct"}

    @pytest.mark.parametrize("who", CAST)
    def test_only_hr_runs_surveys(self, client_as, cast, who):
        today = timezone.localdate()
        status = post(
            client_as(who),
            "/api/v1/pulse/surveys",
            {"title": "P", "unit": "A", "opens": str(today), "closes": str(today)},
        ).status_code
        assert status == {"hr": 201, "anonymous": 401}.get(who, 403)

    def test_codes_then_an_answer_without_an_account(self, client_as, client, cast):
        survey = open_survey(cast.unit)
        codes = post(client_as("hr"), f"/api/v1/pulse/surveys/{survey.pk}/codes", {}).json()["codes"]
        assert {c["unit"] for c in codes} == {"D"} and len(codes) == 4
        answers = {"raaderum_ved": 4, "tryghed_fejl": None}
        first = post(client, "/api/v1/pulse/responses", {"code": codes[0]["code"], "answers": answers})
        again = post(client, "/api/v1/pulse/responses", {"code": codes[0]["code"], "answers": answers})
        unknown = post(client, "/api/v1/pulse/responses", {"code": "AAAAA-BBBBB", "answers": answers})
        assert first.status_code == 201
        assert again.status_code == 409 and "allerede brugt" in again.json()["detail"]
        assert unknown.status_code == 404 and "findes ikke" in unknown.json()["detail"]

    def test_a_closed_survey_takes_no_answers(self, client_as, client, cast):
        survey = open_survey(cast.unit)
        [(_unit, raw), *_rest] = services.make_codes(survey)
        post(client_as("hr"), f"/api/v1/pulse/surveys/{survey.pk}/close", {})
        refused = post(client, "/api/v1/pulse/responses", {"code": raw, "answers": {"raaderum_ved": 2}})
        assert refused.status_code == 409 and "lukket" in refused.json()["detail"]

    @pytest.mark.parametrize("who", CAST)
    def test_who_sees_which_results(self, client_as, cast, who):
        survey = open_survey(cast.area)
        status_d = client_as(who).get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=D").status_code
        status_o = client_as(who).get(f"/api/v1/pulse/surveys/{survey.pk}/results?unit=O").status_code
        sees_d = {"leader", "employee", "tr", "amr", "hr"}
        sees_o = {"other", "hr"}
        assert status_d == (200 if who in sees_d else 401 if who == "anonymous" else 403)
        assert status_o == (200 if who in sees_o else 401 if who == "anonymous" else 403)


def test_repeating_quarterly_plans_the_next_round(cast):
    survey = open_survey(cast.unit, repeat_quarterly=True)
    following = services.close(survey)
    assert following is not None and following.previous == survey and following.repeat_quarterly
    assert following.opens.day == 1 and following.round != survey.round
    assert set(following.items.all()) == set(survey.items.all())


def test_the_answer_page_without_an_account(client, cast):
    survey = open_survey(cast.unit, question="Hvad skal vi gøre mere af?")
    [(_unit, raw), *_rest] = services.make_codes(survey)
    page = client.post("/puls/", {"kode": raw}).content.decode()
    assert "Jeg ved, hvilke beslutninger jeg selv må træffe i mit arbejde." in page and "Ved ikke" in page
    assert "Besvar mindst" not in page  # the code alone opens the survey; it sends no answers
    refused = client.post(
        "/puls/", {"kode": raw, "svar": "1", "raaderum_ved": "4", "comment": "Ring til 010190-1009 om det"}
    )
    assert "CPR-nummer" in refused.content.decode() and not Response.objects.exists()
    assert 'value="4" checked' in refused.content.decode()  # what was ticked is kept
    done = client.post("/puls/", {"kode": raw, "svar": "1", "raaderum_ved": "4", "tryghed_fejl": "vedikke"})
    assert "Tak for dine svar" in done.content.decode()
    assert Response.objects.get().answers == {"raaderum_ved": 4, "tryghed_fejl": None}
    used = client.post("/puls/", {"kode": raw}).content.decode()
    assert "Koden er allerede brugt" in used
    assert "Koden findes ikke" in client.post("/puls/", {"kode": "ZZZZZ-ZZZZZ"}).content.decode()


def test_the_code_never_stands_in_a_url(client, cast):
    """A code in the query string would reach the web server's access log: it is not read from there."""
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)
    old_link = client.get(f"/puls/?kode={raw}")
    assert old_link.status_code == 302 and old_link["Location"] == "/puls/"
    page = client.get("/puls/").content.decode()
    assert "Jeg ved, hvilke beslutninger" not in page and 'method="post"' in page


def closed_survey_with(unit, n, comment="Mere tid til hinanden", **extra):
    survey = open_survey(unit, question="Hvad skal vi gøre mere af?", **extra)
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey)[:n]:
        services.answer(raw, dict.fromkeys(keys, 3), comment)
    services.close(survey)
    return survey


def test_comments_in_a_group_of_9_are_hidden_and_shown_from_10(client_as, cast):
    people(cast.unit, 5, "d")  # D has 4 + 5 = 9 people
    survey = closed_survey_with(cast.unit, 9)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Mere tid til hinanden" not in page and "Hvad skal vi gøre mere af?" not in page
    people(cast.unit, 1, "x")
    survey = closed_survey_with(cast.unit, 10)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert page.count("Mere tid til hinanden") == 10


@pytest.mark.parametrize("who", CAST)
def test_the_results_page_by_role(client_as, cast, who):
    people(cast.unit, 6, "d")
    people(cast.other_unit, 5, "o")  # else D's figure would reveal O's single person by subtraction
    survey = closed_survey_with(cast.area, 100)
    response = client_as(who).get(f"/maaling/{survey.pk}/?enhed=D")
    expected = {"anonymous": 302, "other": 403}.get(who, 200)
    assert response.status_code == expected, who
    area = client_as(who).get(f"/maaling/{survey.pk}/?enhed=A")
    # The area's subtree: its leader (none in the cast), HR; the LMU covers only D.
    assert area.status_code == {"hr": 200, "anonymous": 302}.get(who, 403), who
    if who == "leader":
        page = response.content.decode()
        assert "Klart råderum" in page and "Hele organisationen" in page


def test_the_leader_sees_the_units_below_with_small_ones_suppressed(client_as, cast):
    people(cast.team, 2, "t")  # team T under D: 2 people → never shown on its own
    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.unit, 100)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Enhederne under" in page and "Bøgely, afsnit 1" in page
    heat = page.split("Enhederne under")[1]
    assert "heat-none" in heat and "heat-high" not in heat.split("Bøgely, afsnit 1")[1].split("</tr>")[0]
    employee_page = client_as("employee").get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert "Enhederne under" not in employee_page


def test_the_results_page_costs_at_most_ten_queries(client_as, cast, django_assert_max_num_queries):
    people(cast.unit, 20, "d")
    survey = closed_survey_with(cast.unit, 100, repeat_quarterly=False)
    client = client_as("leader")
    with django_assert_max_num_queries(10):
        assert client.get(f"/maaling/{survey.pk}/?enhed=D").status_code == 200


def test_the_demo_has_two_rounds_with_suppressed_small_units(demo_org):
    from handlekraft.pulse.results import SurveyResults

    rounds = list(Survey.objects.filter(title="Puls på aktørskab").order_by("opens"))
    assert [s.round for s in rounds] == ["2026Q2", "2026Q4"] and all(s.status == "lukket" for s in rounds)
    assert rounds[1].previous == rounds[0]
    results = SurveyResults.for_survey(rounds[1])
    whole = results.for_unit(rounds[1].unit)
    assert not whole.suppressed and whole.responses > 50
    assert len(results.shown) < len(results.units)  # some small units are suppressed
    first = SurveyResults.for_survey(rounds[0]).for_unit(rounds[0].unit)
    assert whole.scores["raaderum"] > first.scores["raaderum"]


def test_an_action_plan_follows_the_weakest_conditions(client_as, cast):
    people(cast.unit, 6, "d")
    survey = open_survey(cast.unit)
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey):
        # Everything good except a clear mandate (the reversed aflæring item answered "Helt enig").
        services.answer(
            raw, {k: (4 if k == "raaderum_aflaering" else 1 if k.startswith("raaderum") else 3) for k in keys}
        )
    services.close(survey)
    page = client_as("leader").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    weak = page.split("Det kan I tage fat på")[1]
    assert "Klart råderum" in weak and "Hold en råderumsworkshop" in weak and "delegationspoker" in weak
    owner = cast.employee.pk
    client_as("leader").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D",
        {
            "text": "Råderumsworkshop på personalemødet",
            "owner": owner,
            "due": "2027-01-15",
            "construct": survey.items.first().construct_id,
        },
    )
    from handlekraft.pulse.models import Action

    action = Action.objects.get()
    assert action.plan.unit == cast.unit and action.status == "planlagt"
    client_as("tr").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D", {"status_for": action.pk, "status": "igang"}
    )
    action.refresh_from_db()
    assert action.status == "igang"
    refused = client_as("employee").post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D", {"status_for": action.pk, "status": "gennemfoert"}
    )
    assert refused.status_code == 403
    assert (
        "Råderumsworkshop på personalemødet"
        in client_as("employee").get(f"/maaling/{survey.pk}/handleplan/?enhed=D").content.decode()
    )


@pytest.mark.parametrize("who", CAST)
def test_hu_sees_the_action_plans_across_areas(client_as, cast, who):
    survey = open_survey(cast.kommune)
    services.close(survey)
    status = client_as(who).get(f"/maaling/{survey.pk}/handleplaner/").status_code
    assert status == {"hr": 200, "anonymous": 302}.get(who, 403)


def test_hr_plans_a_survey_and_emails_the_codes(client_as, cast, django_capture_on_commit_callbacks):
    from django.core import mail

    today = timezone.localdate()
    people(cast.unit, 1, "d")  # D: 5 people, as many as the anonymity threshold
    items = list(Item.objects.filter(in_default_pulse=True).values_list("pk", flat=True))
    response = client_as("hr").post(
        "/maaling/ny/",
        {
            "title": "Puls Q4",
            "unit": cast.unit.pk,
            "opens": str(today),
            "closes": str(today + timedelta(days=7)),
            "items": items,
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302 and survey.round == Survey.round_of(today)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("hr").post(f"/maaling/{survey.pk}/styring/send/")
    assert len(mail.outbox) == 5 and AnswerCode.objects.filter(survey=survey).count() == 5
    body = mail.outbox[0].body
    assert "/puls/#kode=" in body and "?kode=" not in body and "anonyme" in body
    raw = body.split("#kode=")[1].split()[0]
    services.answer(raw, {"raaderum_ved": 3})
    page = client_as("hr").get(f"/maaling/{survey.pk}/styring/").content.decode()
    assert "20 %" in page  # the organisation-wide response rate, the only count shown while open
    again = client_as("hr").post(f"/maaling/{survey.pk}/styring/sedler/", follow=True)
    assert "allerede lavet svarkoder" in again.content.decode()


def test_printed_code_slips(client_as, cast):
    import io

    from pypdf import PdfReader

    survey = open_survey(cast.unit)
    pdf = PdfReader(io.BytesIO(client_as("hr").post(f"/maaling/{survey.pk}/styring/sedler/").content))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert text.count("Din kode") == 4 and "Plejecenter Bøgely" in text
    assert AnswerCode.objects.filter(survey=survey).count() == 4


def test_closing_prompts_the_units_to_discuss_their_result(
    client_as, cast, django_capture_on_commit_callbacks
):
    from handlekraft.notifications.models import Notification

    survey = open_survey(cast.unit)
    with django_capture_on_commit_callbacks(execute=True):
        client_as("hr").post(f"/maaling/{survey.pk}/styring/luk/")
    told = Notification.objects.filter(kind="pulse_result")
    assert {n.recipient for n in told} == {cast.leader, cast.tr, cast.amr}
    assert "/handleplan/?enhed=D" in told.first().url


@pytest.mark.parametrize("who", CAST)
def test_only_hr_runs_surveys_in_the_app(client_as, cast, who):
    survey = open_survey(cast.unit)
    client = client_as(who)
    statuses = [
        client.get("/maaling/ny/").status_code,
        client.get(f"/maaling/{survey.pk}/styring/").status_code,
        client.post(f"/maaling/{survey.pk}/styring/sedler/").status_code,
        client.post(f"/maaling/{survey.pk}/styring/luk/").status_code,
    ]
    if who == "hr":
        assert statuses[0] == statuses[1] == statuses[2] == 200
    elif who == "anonymous":
        assert all(s == 302 for s in statuses)
    else:
        assert all(s == 403 for s in statuses)
        assert not AnswerCode.objects.exists()


def test_exports_hold_only_shown_aggregates(client_as, cast):
    import io

    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    people(cast.unit, 6, "d")
    people(cast.team, 2, "t")  # team T: 2 people, never shown
    survey = closed_survey_with(cast.unit, 100)
    client = client_as("leader")
    book = load_workbook(io.BytesIO(client.get(f"/maaling/{survey.pk}/resultater.xlsx?enhed=D").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Enhed", "Eksternt id", "Besvarelser") and "Klart råderum" in rows[0]
    assert [r[1] for r in rows[1:]] == ["D"]  # T is suppressed and left out
    document = Document(io.BytesIO(client.get(f"/maaling/{survey.pk}/rapport.docx?enhed=D").content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Resultat" in text and "Handleplan" in text and document.core_properties.language == "da-DK"
    assert document.tables[0].rows[1].cells[0].text == "Klart råderum"
    pdf = PdfReader(io.BytesIO(client.get(f"/maaling/{survey.pk}/rapport.pdf?enhed=D").content))
    assert "Handleplan" in "\n".join(p.extract_text() for p in pdf.pages)
    assert client_as("other").get(f"/maaling/{survey.pk}/resultater.xlsx?enhed=D").status_code == 403


def test_closing_stores_counts_and_subtree_rollups(cast):
    from handlekraft.pulse.models import Aggregate, Rollup, UnitCount

    people(cast.team, 3, "t")
    survey = closed_survey_with(cast.unit, 100)
    counts = {c.unit.external_id: (c.direct, c.subtree) for c in UnitCount.objects.filter(survey=survey)}
    assert counts == {"D": (4, 7), "T": (3, 3)}
    item = survey.items.get(key="raaderum_ved")
    d = Rollup.objects.get(survey=survey, unit=cast.unit, item=item).distribution
    own = [
        Aggregate.objects.get(survey=survey, unit=u, item=item).distribution for u in (cast.unit, cast.team)
    ]
    assert d == [a + b for a, b in zip(*own, strict=True)]


@pytest.mark.parametrize("who", CAST)
def test_the_action_plan_page_by_role(client_as, cast, who):
    people(cast.unit, 6, "d")
    survey = closed_survey_with(cast.unit, 100)
    client = client_as(who)
    seen = client.get(f"/maaling/{survey.pk}/handleplan/?enhed=D").status_code
    added = client.post(
        f"/maaling/{survey.pk}/handleplan/?enhed=D",
        {"text": "Tavlemøde om råderummet", "owner": cast.leader.pk, "due": "2027-02-01"},
    ).status_code
    from handlekraft.pulse.models import Action

    writers = {"leader", "tr", "amr", "hr"}
    assert seen == {"anonymous": 302, "other": 403}.get(who, 200), who
    assert Action.objects.exists() is (who in writers), who
    if who not in writers:
        assert added in {302, 403} and (added == 302) is (who == "anonymous")


def test_comments_cannot_be_had_by_subtracting_two_pages(client_as, cast):
    """D with 16 respondents, its team T with 11: T's comments would give away the other 5 by subtraction
    (D's own 4 and one person in a second team), so only D's are shown; the scores' rule (at 5) still
    shows T's scores."""
    t2 = Unit.objects.create(external_id="T2", name="Bøgely, afsnit 2", kind=Unit.Kind.TEAM, parent=cast.unit)
    people(cast.team, 11, "t")
    people(t2, 1, "u")
    survey = open_survey(cast.unit, question="Hvad skal vi gøre mere af?")
    keys = list(survey.items.values_list("key", flat=True))
    for unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, 3), f"Kommentar fra {unit.external_id}")
    services.close(survey)
    leader = client_as("leader")
    department = leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode()
    assert department.count("Kommentar fra") == 16
    team = leader.get(f"/maaling/{survey.pk}/?enhed=T").content.decode()
    assert "Kommentar fra" not in team
    assert services.result(survey, cast.team).scores["raaderum"] is not None  # 16 − 11 = 5: scores shown


def test_comments_are_shown_for_both_when_the_remainder_is_ten(client_as, cast):
    t2 = Unit.objects.create(external_id="T2", name="Bøgely, afsnit 2", kind=Unit.Kind.TEAM, parent=cast.unit)
    people(cast.team, 10, "t")
    people(t2, 6, "u")  # D: 4 + 10 + 6 = 20; without T, 10 remain
    survey = open_survey(cast.unit, question="Hvad skal vi gøre mere af?")
    keys = list(survey.items.values_list("key", flat=True))
    for unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, 3), f"Kommentar fra {unit.external_id}")
    services.close(survey)
    leader = client_as("leader")
    assert leader.get(f"/maaling/{survey.pk}/?enhed=D").content.decode().count("Kommentar fra") == 20
    assert leader.get(f"/maaling/{survey.pk}/?enhed=T").content.decode().count("Kommentar fra T") == 10


def test_the_anonymity_threshold_cannot_be_set_below_three(cast):
    from django.core.exceptions import ValidationError

    from handlekraft.organisation.models import SiteSettings

    site = SiteSettings.current()
    for value in (0, 1, 2):
        site.anonymity_threshold = value
        with pytest.raises(ValidationError) as refused:
            site.full_clean()
        assert "Grænsen skal være mindst 3" in str(refused.value)
    site.anonymity_threshold = 3
    site.full_clean()
    # A row written around the form (an old database, a script) still counts as 3.
    SiteSettings.objects.update_or_create(pk=1, defaults={"anonymity_threshold": 1})
    survey = closed_survey_with(cast.unit, 2)
    assert services.result(survey, cast.unit).suppressed
    survey = closed_survey_with(cast.unit, 3)
    assert not services.result(survey, cast.unit).suppressed


def test_a_person_with_only_a_tr_amr_or_hr_role_gets_a_code(cast):
    from handlekraft.organisation.models import Membership, Role

    for role in (Role.TR, Role.AMR, Role.HR):
        user = make_user(f"kun-{role}@test.dk", f"Kun {role}", None)
        Membership.objects.create(user=user, unit=cast.team, role=role)
    survey = open_survey(cast.unit)
    codes = services.make_codes(survey)
    # leader, employee, TR, AMR of D (each once, though the TR and AMR hold two roles) and the three in T
    assert len(codes) == 7
    assert sorted(u.external_id for u, _raw in codes) == ["D"] * 4 + ["T"] * 3


def test_the_response_rate_is_hidden_while_fewer_than_the_threshold_are_asked(client_as, cast):
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)  # D: 4 people, below the threshold of 5
    services.answer(raw, {"raaderum_ved": 3})
    page = client_as("hr").get(f"/maaling/{survey.pk}/styring/").content.decode()
    assert "Svarprocent" not in page and "25 %" not in page


def test_the_trend_hides_a_round_whose_respondents_changed_by_fewer_than_the_threshold(client_as, cast):
    """10, then 14 (4 more: fewer than the threshold of 5, hidden), then 15 (5 more than the last shown)."""
    people(cast.unit, 11, "d")  # D: 4 + 11 = 15 people
    for n in (10, 14, 15):
        survey = closed_survey_with(cast.unit, n)
    page = client_as("leader").get(f"/maaling/{survey.pk}/?enhed=D")
    first = page.context["trend"][0]["values"]
    assert first[0] is not None and first[1] is None and first[2] is not None
    assert "kunne pege på dem, der kom eller gik" in page.content.decode()


def test_comparable_rounds_at_the_threshold():
    from handlekraft.pulse.results import comparable_rounds

    assert comparable_rounds([10, 10, 14, 15, None, 20], 5) == [True, True, False, True, False, True]
    assert comparable_rounds([None, 8, 4, 3], 5) == [False, True, False, True]
