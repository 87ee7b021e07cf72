"""Answer codes: one per person asked, single-use, stored only as a hash, never in a URL; sent by
e-mail or printed as slips; the answer page without an account."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from handlekraft.organisation.models import User
from handlekraft.pulse import services
from handlekraft.pulse.models import AnswerCode, Item, Response, Survey
from tests.conftest import make_user
from tests.pulse.helpers import open_survey, people


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


@pytest.mark.parametrize("typed", ["{a}{b}", "{a} {b}", " {a}-{b} ", "{lower}"])
def test_a_code_is_accepted_as_people_type_it_without_the_hyphen_or_with_spaces(client, cast, typed):
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)
    a, b = raw.split("-")
    as_typed = typed.format(a=a, b=b, lower=raw.lower())
    page = client.post("/puls/", {"kode": as_typed}).content.decode()
    assert "Koden findes ikke" not in page and "Send mine svar" in page
    services.answer(as_typed, {"raaderum_ved": 3})
    with pytest.raises(services.Refused):
        services.answer(raw, {"raaderum_ved": 3})  # the same code: used up


def test_the_code_never_stands_in_a_url(client, cast):
    """A code in the query string would reach the web server's access log: it is not read from there."""
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)
    old_link = client.get(f"/puls/?kode={raw}")
    assert old_link.status_code == 302 and old_link["Location"] == "/puls/"
    page = client.get("/puls/").content.decode()
    assert "Jeg ved, hvilke beslutninger" not in page and 'method="post"' in page


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
    assert "Alle i målingen har allerede fået en svarkode." in again.content.decode()


def alt_texts(pdf) -> list[str]:
    """The /Alt of every element in a tagged PDF's structure tree."""
    found, todo = [], [pdf.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if isinstance(node, list):
            todo.extend(node)
        elif hasattr(node, "get"):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                todo.append(node["/K"])
    return found


def test_printed_code_slips(client_as, cast):
    import io

    from pypdf import PdfReader

    people(cast.unit, 12, "s")  # more slips than one page holds
    survey = open_survey(cast.unit)
    pdf = PdfReader(io.BytesIO(client_as("hr").post(f"/maaling/{survey.pk}/styring/sedler/").content))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert text.count("Din kode") == 16 and "Plejecenter Bøgely" in text
    assert len(pdf.pages) >= 2 and "Din kode" in pdf.pages[0].extract_text()  # they start on page 1
    # Each slip carries a QR code to the answer page, tagged as a figure with its alt text (PDF/UA).
    assert alt_texts(pdf).count("QR-kode til svarsiden med koden") == 16
    assert AnswerCode.objects.filter(survey=survey).count() == 16


def test_staff_without_a_work_email_get_printed_slips_after_the_emails(
    client_as, cast, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    User.objects.filter(pk=cast.employee.pk).update(email=None, external_id="P-ANSAT")
    survey = open_survey(cast.unit)
    hr = client_as("hr")
    with django_capture_on_commit_callbacks(execute=True):
        hr.post(f"/maaling/{survey.pk}/styring/send/")
    assert len(mail.outbox) == 3  # everyone with an e-mail
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"
    page = hr.get(f"/maaling/{survey.pk}/styring/").content.decode()
    assert "1 person i målingen har ikke fået en svarkode" in page and "Hent kodesedler til dem (PDF)" in page
    pdf = PdfReader(io.BytesIO(hr.post(f"/maaling/{survey.pk}/styring/sedler/").content))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert text.count("Din kode") == 1  # a slip for the one without e-mail, nobody else
    raw = re.search(r"Din kode:\s*(\S+)", text).group(1)
    assert AnswerCode.objects.filter(survey=survey).count() == 4
    assert "har ikke fået en svarkode" not in hr.get(f"/maaling/{survey.pk}/styring/").content.decode()
    again = hr.post(f"/maaling/{survey.pk}/styring/sedler/", follow=True).content.decode()
    assert "Alle i målingen har allerede fået en svarkode." in again
    services.answer(raw, {"raaderum_ved": 3})  # the slip's code answers
    assert Response.objects.filter(survey=survey).count() == 1


def test_the_survey_list_shows_each_status_and_the_new_survey_page_counts_what_it_ticks(client_as, cast):
    import re as regex

    open_survey(cast.unit)
    listing = client_as("hr").get("/maaling/").content.decode()
    assert regex.search(r"<td>\s*Åben\s*</td>", listing)  # not an empty cell
    page = client_as("hr").get("/maaling/ny/").content.decode()
    default = Item.objects.filter(in_default_pulse=True).count()
    assert f"Standardmålingen har {default} korte udsagn" in page
    assert page.count('name="items"') == Item.objects.count()  # the bank, the standard ones ticked


def test_the_built_in_items_and_constructs_are_shown_in_english_to_an_english_reader(client, cast):
    survey = open_survey(cast.unit)
    [(_unit, raw), *_rest] = services.make_codes(survey)
    client.post("/sprog/en/", {"next": "/puls/"})
    page = client.post("/puls/", {"kode": raw}).content.decode()
    assert "I know which decisions I may make myself in my work." in page
    assert "Jeg ved, hvilke beslutninger" not in page
    from handlekraft.pulse.models import Construct

    construct = Construct.objects.get(key="raaderum")
    from django.utils import translation

    with translation.override("en"):
        assert construct.shown_name == "A clear mandate"
    with translation.override("da"):
        assert construct.shown_name == "Klart råderum" == str(construct)
    construct.name = "Vores eget forhold"  # one HR wrote: shown as written
    with translation.override("en"):
        assert construct.shown_name == "Vores eget forhold"
