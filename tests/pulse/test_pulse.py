"""Måling: the item bank, what a response holds, the results pages by role, running surveys, exports
and the demo (DESIGN §5). Codes, suppression and action plans have their own files."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from handlekraft.pulse import services
from handlekraft.pulse.models import AnswerCode, Item, Response, Survey, UnitOutcome
from tests.conftest import CAST, assert_printable
from tests.pulse.helpers import closed_survey_with, open_survey, people, post


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
        response = post(
            client_as(who),
            "/api/v1/pulse/surveys",
            {"title": "P", "unit": "A", "opens": str(today), "closes": str(today)},
        )
        assert response.status_code == {"hr": 201, "anonymous": 401}.get(who, 403)
        if response.status_code == 403:
            assert response.json() == {"detail": "Kun HR kan oprette og styre målinger."}

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
    outcomes = UnitOutcome.objects.filter(survey=rounds[1]).select_related("unit")
    small = [o.unit for o in outcomes if not o.shown]
    shown = [o.unit for o in outcomes if o.shown]
    assert small and len(shown) > 1  # some small units are suppressed, others shown
    read = SurveyResults.for_survey(rounds[1], [*small, *shown])
    assert all(read.for_unit(u).suppressed for u in small) and not any(
        read.for_unit(u).suppressed for u in shown
    )
    first = SurveyResults.for_survey(rounds[0]).for_unit(rounds[0].unit)
    assert whole.scores["raaderum"] > first.scores["raaderum"]


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
    assert (
        told.first().title == f"Resultatet af »{survey.title}« ({survey.round}) for {cast.unit.name} er klar"
    )


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
    assert_printable(book.active)
    document = Document(io.BytesIO(client.get(f"/maaling/{survey.pk}/rapport.docx?enhed=D").content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Resultat" in text and "Handleplan" in text and document.core_properties.language == "da-DK"
    assert document.tables[0].rows[1].cells[0].text == "Klart råderum"
    pdf = PdfReader(io.BytesIO(client.get(f"/maaling/{survey.pk}/rapport.pdf?enhed=D").content))
    assert "Handleplan" in "\n".join(p.extract_text() for p in pdf.pages)
    assert client_as("other").get(f"/maaling/{survey.pk}/resultater.xlsx?enhed=D").status_code == 403


def test_the_med_report_tells_the_change_the_units_below_and_what_to_discuss(client_as, demo_org):
    """The report for the MED committee, as PDF/UA and Word: more than a bare result."""
    import io

    from docx import Document
    from pypdf import PdfReader

    from handlekraft.organisation.models import User

    survey = Survey.objects.filter(title="Puls på aktørskab").order_by("-opens").first()
    client = client_as("hr")
    client.force_login(User.objects.get(email="hr@eksempel.dk"))
    whole = f"?enhed={survey.unit.external_id}"  # the whole municipality
    page = client.get(f"/maaling/{survey.pk}/{whole}")
    first = page.context["trend"][0]
    before, now = first["values"]
    assert first["change"]["points"] == now - before and first["change"]["since"] == "2026Q2"
    arrow = "▲" if now > before else "▼"
    html = page.content.decode()
    assert f"{arrow} {'+' if now > before else '−'}{abs(now - before)}" in html  # seen, not only heard
    assert ("steget" if now > before else "faldet") + f" {abs(now - before)} point siden 2026Q2" in html

    response = client.get(f"/maaling/{survey.pk}/rapport.pdf{whole}")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Udviklingen over runderne" in text and "2026Q2" in text and "2026Q4" in text
    assert f"{arrow} {'+' if now > before else '−'}{abs(now - before)}" in text
    assert "Enhederne under" in text and "Sundhed og omsorg" in text
    assert "Til drøftelsen i MED-udvalget" in text and "Hvad lykkes vi med, som vi vil holde fast i?" in text
    assert "færre end 5 besvarelser vises ikke" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "da"  # PDF/UA, as every PDF

    document = Document(io.BytesIO(client.get(f"/maaling/{survey.pk}/rapport.docx{whole}").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Resultat",
        "Udviklingen over runderne",
        "Enhederne under",
        "Handleplan",
        "Til drøftelsen i MED-udvalget",
    ]
    trend = document.tables[1]
    assert [c.text for c in trend.rows[0].cells] == ["Forhold", "2026Q2", "2026Q4", "Ændring"]
    assert trend.rows[1].cells[-1].text == f"{'+' if now > before else '−'}{abs(now - before)}"
